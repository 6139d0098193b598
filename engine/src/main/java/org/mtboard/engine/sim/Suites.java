package org.mtboard.engine.sim;

import java.util.ArrayList;
import java.util.List;
import org.mtboard.engine.sim.tasks.TaskRegistry;

/** Named task lists: the benchmark suites, or a comma-separated list of task ids. */
public final class Suites {
    /** MT10 in the protocol's order (DESIGN.md); the env blocks follow this order. */
    public static final List<TaskId> MT10 = List.of(
            TaskId.REACH, TaskId.PUSH, TaskId.PICK_PLACE, TaskId.DOOR_OPEN, TaskId.DRAWER_OPEN,
            TaskId.DRAWER_CLOSE, TaskId.BUTTON_PRESS_TOPDOWN, TaskId.PEG_INSERT_SIDE,
            TaskId.WINDOW_OPEN, TaskId.WINDOW_CLOSE);

    private Suites() {
    }

    /**
     * "mt10", or task ids separated by commas ("reach-v2,push-v2"). Every task must be
     * implemented by this simulator.
     *
     * @throws IllegalArgumentException naming the unknown or unavailable entry
     */
    public static List<TaskId> resolve(String suite) {
        String name = suite.trim().toLowerCase();
        if (name.equals("mt10")) {
            return MT10;
        }
        if (name.equals("mt50")) {
            throw new IllegalArgumentException("suite 'mt50' is not available yet: only the MT10 tasks are implemented"
                    + " (available: mt10, or a comma-separated list of " + TaskRegistry.implementedNames() + ")");
        }
        List<TaskId> ids = new ArrayList<>();
        for (String part : name.split(",")) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty task name in suite '" + suite + "'");
            }
            TaskId id;
            try {
                id = TaskId.fromName(part.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown suite or task '" + part.trim()
                        + "'; allowed: mt10, or a comma-separated list of " + TaskRegistry.implementedNames());
            }
            TaskRegistry.requireImplemented(id);
            if (ids.contains(id)) {
                throw new IllegalArgumentException("task '" + id.metaWorldName() + "' appears twice in suite '" + suite + "'");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }
}
