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
     * Meta-World's _gripper_caging_reward, high-density form: y-caging of both pads, xz-caging of
     * the tcp, gripping when caged and the gripper is commanded closed.
     *
     * @param gripCommand action[3]; obj0 is the object's reset position
     */
    public static float cagingHighDensity(SimState s, int i, float objX, float objY, float objZ,
                                          float obj0X, float obj0Y, float obj0Z,
                                          float objRadius, float padSuccess, float xzThresh, float gripCommand) {
        int v = 3 * i;
        float hy = s.hand[v + 1];
        float halfGap = 0.5f * s.gap[i];
        float leftPadY = hy - halfGap;
        float rightPadY = hy + halfGap;
        float hy0 = s.hand0[v + 1];
        float halfGap0 = 0.5f * Gripper.OPEN_GAP;
                float leftMargin = Math.abs(Math.abs(hy0 - halfGap0 - obj0Y) - padSuccess);
        float rightMargin = Math.abs(Math.abs(hy0 + halfGap0 - obj0Y) - padSuccess);
        float leftCaging = longTail(Math.abs(leftPadY - objY), objRadius, padSuccess, leftMargin);
        float rightCaging = longTail(Math.abs(rightPadY - objY), objRadius, padSuccess, rightMargin);
        float cagingY = hamacher(leftCaging, rightCaging);

        float tcpX = s.hand[v];
        float tcpZ = s.hand[v + 2] - Gripper.TCP_OFFSET;
        float tcp0X = s.hand0[v];
        float tcp0Z = s.hand0[v + 2] - Gripper.TCP_OFFSET;
        float xzMargin = FMath.norm2(obj0X - tcp0X, obj0Z - tcp0Z) - xzThresh;
        float cagingXz = longTail(FMath.norm2(tcpX - objX, tcpZ - objZ), 0.0f, xzThresh, xzMargin);

        float gripperClosed = FMath.clamp(gripCommand, 0.0f, 1.0f);
        float caging = hamacher(cagingY, cagingXz);
        float gripping = caging > 0.97f ? gripperClosed : 0.0f;
        float cagingAndGripping = hamacher(caging, gripping);
        return 0.5f * (cagingAndGripping + caging);
    }
}
