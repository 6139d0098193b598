package org.mtboard.engine.sim.tasks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mtboard.engine.sim.Task;
import org.mtboard.engine.sim.TaskId;

/** The task implementations this simulator has, by id. Adding a task is one line here. */
public final class TaskRegistry {
    private static final Map<TaskId, Supplier<Task>> FACTORIES = new EnumMap<>(TaskId.class);

    static {
        FACTORIES.put(TaskId.REACH, ReachTask::new);
        FACTORIES.put(TaskId.PUSH, PushTask::new);
        FACTORIES.put(TaskId.PICK_PLACE, PickPlaceTask::new);
        FACTORIES.put(TaskId.DOOR_OPEN, DoorOpenTask::new);
        FACTORIES.put(TaskId.DRAWER_OPEN, DrawerOpenTask::new);
        FACTORIES.put(TaskId.DRAWER_CLOSE, DrawerCloseTask::new);
        FACTORIES.put(TaskId.BUTTON_PRESS_TOPDOWN, ButtonPressTopdownTask::new);
        FACTORIES.put(TaskId.PEG_INSERT_SIDE, PegInsertSideTask::new);
        FACTORIES.put(TaskId.WINDOW_OPEN, WindowTask::open);
        FACTORIES.put(TaskId.WINDOW_CLOSE, WindowTask::close);
    }

    private TaskRegistry() {
    }

    /** @throws IllegalArgumentException naming the task and the implemented ones, where this simulator lacks it */
    public static void requireImplemented(TaskId id) {
        if (!FACTORIES.containsKey(id)) {
            throw new IllegalArgumentException("task '" + id.metaWorldName() + "' is not implemented yet; implemented: "
                    + implementedNames());
        }
    }

    public static Task create(TaskId id) {
        requireImplemented(id);
        return FACTORIES.get(id).get();
    }

    public static List<String> implementedNames() {
        List<String> names = new ArrayList<>();
        for (TaskId id : FACTORIES.keySet()) {
            names.add(id.metaWorldName());
        }
        return names;
    }
}
