package org.mtboard.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The 50 Meta-World v2 task ids in the frozen catalog order (fixed since protocol 1). The catalog index is part
 * of every random draw's counter, so this order must never change: append, never reorder.
 */
public enum TaskId {
    ASSEMBLY("assembly-v2"),
    BASKETBALL("basketball-v2"),
    BIN_PICKING("bin-picking-v2"),
    BOX_CLOSE("box-close-v2"),
    BUTTON_PRESS_TOPDOWN("button-press-topdown-v2"),
    BUTTON_PRESS_TOPDOWN_WALL("button-press-topdown-wall-v2"),
    BUTTON_PRESS("button-press-v2"),
    BUTTON_PRESS_WALL("button-press-wall-v2"),
    COFFEE_BUTTON("coffee-button-v2"),
    COFFEE_PULL("coffee-pull-v2"),
    COFFEE_PUSH("coffee-push-v2"),
    DIAL_TURN("dial-turn-v2"),
    DISASSEMBLE("disassemble-v2"),
    DOOR_CLOSE("door-close-v2"),
    DOOR_LOCK("door-lock-v2"),
    DOOR_OPEN("door-open-v2"),
    DOOR_UNLOCK("door-unlock-v2"),
    DRAWER_CLOSE("drawer-close-v2"),
    DRAWER_OPEN("drawer-open-v2"),
    FAUCET_CLOSE("faucet-close-v2"),
    FAUCET_OPEN("faucet-open-v2"),
    HAMMER("hammer-v2"),
    HAND_INSERT("hand-insert-v2"),
    HANDLE_PRESS_SIDE("handle-press-side-v2"),
    HANDLE_PRESS("handle-press-v2"),
    HANDLE_PULL_SIDE("handle-pull-side-v2"),
    HANDLE_PULL("handle-pull-v2"),
    LEVER_PULL("lever-pull-v2"),
    PEG_INSERT_SIDE("peg-insert-side-v2"),
    PEG_UNPLUG_SIDE("peg-unplug-side-v2"),
    PICK_OUT_OF_HOLE("pick-out-of-hole-v2"),
    PICK_PLACE("pick-place-v2"),
    PICK_PLACE_WALL("pick-place-wall-v2"),
    PLATE_SLIDE_BACK_SIDE("plate-slide-back-side-v2"),
    PLATE_SLIDE_BACK("plate-slide-back-v2"),
    PLATE_SLIDE_SIDE("plate-slide-side-v2"),
    PLATE_SLIDE("plate-slide-v2"),
    PUSH_BACK("push-back-v2"),
    PUSH("push-v2"),
    PUSH_WALL("push-wall-v2"),
    REACH("reach-v2"),
    REACH_WALL("reach-wall-v2"),
    SHELF_PLACE("shelf-place-v2"),
    SOCCER("soccer-v2"),
    STICK_PULL("stick-pull-v2"),
    STICK_PUSH("stick-push-v2"),
    SWEEP_INTO("sweep-into-v2"),
    SWEEP("sweep-v2"),
    WINDOW_CLOSE("window-close-v2"),
    WINDOW_OPEN("window-open-v2");

    private final String metaWorldName;

    TaskId(String metaWorldName) {
        this.metaWorldName = metaWorldName;
    }

    /** Meta-World's name, e.g. "reach-v2". */
    public String metaWorldName() {
        return metaWorldName;
    }

    /** Index in the frozen catalog; the task coordinate of every random draw. */
    public int catalogIndex() {
        return ordinal();
    }

    /** Looks a task up by its Meta-World name; accepts the name without "-v2" too. */
    public static TaskId fromName(String name) {
        String wanted = name.endsWith("-v2") ? name : name + "-v2";
        for (TaskId id : values()) {
            if (id.metaWorldName.equals(wanted)) {
                return id;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "'; known tasks: " + names());
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (TaskId id : values()) {
            names.add(id.metaWorldName);
        }
        return names;
    }
}
