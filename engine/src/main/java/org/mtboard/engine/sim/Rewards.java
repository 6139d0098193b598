package org.mtboard.engine.sim;

/**
 * Meta-World v2's reward-shaping primitives (reward_utils), shared by all tasks: tolerance with
 * long-tail or gaussian sigmoids (value 0.1 at the margin), the Hamacher product and
 * the gripper caging reward.
 */
public final class Rewards {
    /** sqrt(1/0.1 - 1): the long-tail scale that gives 0.1 at the margin. */
    private static final float LONG_TAIL_K = 3.0f;
    /** sqrt(-2 ln 0.1): the gaussian scale that gives 0.1 at the margin. */
    private static final float GAUSSIAN_K = 2.1459660262893472f;

    private Rewards() {
    }

    public static float longTail(float x, float lo, float hi, float margin) {
        if (x >= lo && x <= hi) {
            return 1.0f;
        }
        if (margin <= 0.0f) {
            return 0.0f;
        }
        float d = (x < lo ? lo - x : x - hi) / margin * LONG_TAIL_K;
        return 1.0f / (d * d + 1.0f);
    }

    public static float gaussian(float x, float lo, float hi, float margin) {
        if (x >= lo && x <= hi) {
            return 1.0f;
        }
        if (margin <= 0.0f) {
            return 0.0f;
        }
        float d = (x < lo ? lo - x : x - hi) / margin * GAUSSIAN_K;
        return FMath.exp(-0.5f * d * d);
    }

    public static float hamacher(float a, float b) {
        float denominator = a + b - a * b;
        return denominator > 0.0f ? a * b / denominator : 0.0f;
    }

    /**
     * Meta-World's _gripper_caging_reward, high-density form (sawyer_xyz_env.py): y-caging of both
     * pads, xz-caging of the tcp, gripping when caged and the gripper is commanded closed. The
     * y-caging margin of each pad is its current distance to the object's reset position, less the
     * pad threshold, so it moves with the pads (Meta-World reads the pads live, not at reset).
     *
     * @param gripCommand action[3]; (obj0X, obj0Y, obj0Z) is the object's reset position as the
     *                    task's Meta-World source records it (obj_init_pos)
     */
    public static float cagingHighDensity(SimState s, int i, float objX, float objY, float objZ,
                                          float obj0X, float obj0Y, float obj0Z,
                                          float objRadius, float padSuccess, float xzThresh, float gripCommand) {
        float leftPadY = Gripper.padY(s, i, -1);
        float rightPadY = Gripper.padY(s, i, 1);
        float leftMargin = Math.abs(Math.abs(leftPadY - obj0Y) - padSuccess);
        float rightMargin = Math.abs(Math.abs(rightPadY - obj0Y) - padSuccess);
        float leftCaging = longTail(Math.abs(leftPadY - objY), objRadius, padSuccess, leftMargin);
        float rightCaging = longTail(Math.abs(rightPadY - objY), objRadius, padSuccess, rightMargin);
        float cagingY = hamacher(leftCaging, rightCaging);
        float cagingXz = cagingXz(s, i, objX, objZ, obj0X, obj0Z, xzThresh);
        return highDensity(hamacher(cagingY, cagingXz), gripCommand);
    }

    /**
     * pick-place-v2's own override of the caging reward (sawyer_pick_place_v2.py): signed pad
     * offsets (the +y pad must be above the object in y, the -y pad below), margins from the pads'
     * reset positions (its init_left_pad / init_right_pad; read through a live view there, so
     * they track the current pads, a bug not reproduced) to the object's current y, then the same
     * xz-caging and high-density blend.
     */
    public static float cagingPickPlace(SimState s, int i, float objX, float objY, float objZ,
                                        float obj0X, float obj0Z, float gripCommand) {
        int v = 3 * i;
        float plusPadY = Gripper.padY(s, i, 1);
        float minusPadY = Gripper.padY(s, i, -1);
        float pad0Offset = 0.5f * Gripper.OPEN_GAP + Gripper.PAD_BODY_INSET;
        float plusPad0Y = s.hand0[v + 1] + pad0Offset;
        float minusPad0Y = s.hand0[v + 1] - pad0Offset;
        float plusMargin = Math.abs(Math.abs(objY - plusPad0Y) - PICK_PLACE_PAD_SUCCESS);
        float minusMargin = Math.abs(Math.abs(objY - minusPad0Y) - PICK_PLACE_PAD_SUCCESS);
        float plusCaging = longTail(plusPadY - objY, PICK_PLACE_OBJ_RADIUS, PICK_PLACE_PAD_SUCCESS, plusMargin);
        float minusCaging = longTail(objY - minusPadY, PICK_PLACE_OBJ_RADIUS, PICK_PLACE_PAD_SUCCESS, minusMargin);
        float cagingY = hamacher(plusCaging, minusCaging);
        float cagingXz = cagingXz(s, i, objX, objZ, obj0X, obj0Z, PICK_PLACE_XZ);
        return highDensity(hamacher(cagingY, cagingXz), gripCommand);
    }

    private static final float PICK_PLACE_OBJ_RADIUS = 0.015f;
    private static final float PICK_PLACE_PAD_SUCCESS = 0.05f;
    private static final float PICK_PLACE_XZ = 0.005f;

    /** tcp-to-object distance in the xz plane against the reset distance less the threshold. */
    private static float cagingXz(SimState s, int i, float objX, float objZ, float obj0X, float obj0Z, float xzThresh) {
        int v = 3 * i;
        float tcpX = s.hand[v];
        float tcpZ = s.hand[v + 2] - Gripper.TCP_OFFSET;
        float tcp0X = s.hand0[v];
        float tcp0Z = s.hand0[v + 2] - Gripper.TCP_OFFSET;
        float xzMargin = FMath.norm2(obj0X - tcp0X, obj0Z - tcp0Z) - xzThresh;
        return longTail(FMath.norm2(tcpX - objX, tcpZ - objZ), 0.0f, xzThresh, xzMargin);
    }

    /** gripping counts only when caged (> 0.97); high density averages caged-and-gripping with caged. */
    private static float highDensity(float caging, float gripCommand) {
        float gripperClosed = FMath.clamp(gripCommand, 0.0f, 1.0f);
        float gripping = caging > 0.97f ? gripperClosed : 0.0f;
        float cagingAndGripping = hamacher(caging, gripping);
        return 0.5f * (cagingAndGripping + caging);
    }
}
