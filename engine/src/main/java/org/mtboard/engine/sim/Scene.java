package org.mtboard.engine.sim;

/**
 * What every task's scene shares (Meta-World's basic_scene.xml): the table top at z = 0 and its
 * retaining walls, 0.02 thick and 0.12 tall, with inner faces at x = -0.68 and 0.68 and y = 0.22
 * and 0.98. The hand's box keeps the pads away from all but the back wall, so only that one
 * meets the pads; free objects stay inside all four (FreeBody).
 */
public final class Scene {
    public static final float WALL_TOP = 0.12f;
    public static final float WALL_INNER_X = 0.68f;
    public static final float WALL_FRONT_Y = 0.22f;
    public static final float WALL_BACK_Y = 0.98f;
    private static final float WALL_HALF_THICKNESS = 0.01f;

    private Scene() {
    }

    /** The back wall stops the pads (the hand may reach y 1.0, the pads 6 cm further). */
    public static void interact(SimState s, int i) {
        if (s.hand[3 * i + 1] + 0.5f * s.gap[i] + Gripper.PAD_THICKNESS <= WALL_BACK_Y) {
            return;
        }
        float cy = WALL_BACK_Y + WALL_HALF_THICKNESS;
        if (Contacts.padsNear(s, i, -0.7f, 0.7f, WALL_BACK_Y, cy + WALL_HALF_THICKNESS, 0.0f, WALL_TOP)) {
            Contacts.handVsFixedBox(s, i, 0.0f, cy, 0.5f * WALL_TOP, 0.7f, WALL_HALF_THICKNESS, 0.5f * WALL_TOP);
        }
    }
}
