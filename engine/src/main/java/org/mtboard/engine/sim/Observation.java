package org.mtboard.engine.sim;

/**
 * Protocol v1's 39-float observation: current frame (18) + previous frame (18) + goal (3).
 * A frame is hand xyz, gripper openness, obj1 xyz, obj1 quat xyzw, obj2 xyz, obj2 quat xyzw.
 */
public final class Observation {
    public static final int SIZE = 39;
    public static final int FRAME = 18;
    public static final int HAND = 0;
    public static final int OPENNESS = 3;
    public static final int OBJ1_POS = 4;
    public static final int OBJ1_QUAT = 7;
    public static final int OBJ2_POS = 11;
    public static final int OBJ2_QUAT = 14;
    public static final int PREVIOUS = 18;
    public static final int GOAL = 36;

    /** Meta-World's observation clip box for the hand. */
    public static final float HAND_OBS_LOW_X = -0.525f;
    public static final float HAND_OBS_LOW_Y = 0.348f;
    public static final float HAND_OBS_LOW_Z = -0.0525f;
    public static final float HAND_OBS_HIGH_X = 0.525f;
    public static final float HAND_OBS_HIGH_Y = 1.025f;
    public static final float HAND_OBS_HIGH_Z = 0.7f;

    private Observation() {
    }
}
