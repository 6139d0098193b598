package org.mtboard.engine.sim;

/**
 * The floating two-finger gripper (Meta-World's mocap hand): its constants, the motion of the
 * hand toward its clipped target and of the fingers toward their commanded gap. The fingers close
 * along world y; each pad is an axis-aligned box beside the tcp, the only parts of the robot that
 * touch the scene.
 */
public final class Gripper {
    /** a[0:3] * ACTION_SCALE metres are added to the hand target each control step. */
    public static final float ACTION_SCALE = 0.01f;
    /** tcp (between the fingertips) = hand - (0, 0, TCP_OFFSET). */
    public static final float TCP_OFFSET = 0.045f;
    /** Finger gap when fully open; openness observation = gap / OPEN_GAP. */
    public static final float OPEN_GAP = 0.1f;
    /** Largest change of the finger gap in one control step (fully closed in 4 steps). */
    public static final float GAP_RATE = 0.025f;
    /** Pad half-extent along x. */
    public static final float PAD_HALF_X = 0.01f;
    /** Pad thickness along y, outward from its inner face at tcp_y -/+ gap/2. */
    public static final float PAD_THICKNESS = 0.01f;
    /** Pad bottom and top relative to the tcp height. */
    public static final float PAD_BOTTOM = -0.01f;
    public static final float PAD_TOP = 0.03f;
    public static final float PAD_HALF_Z = 0.5f * (PAD_TOP - PAD_BOTTOM);
    public static final float PAD_CENTER_Z = 0.5f * (PAD_TOP + PAD_BOTTOM);

    /** Meta-World's default mocap limits (hand_low, hand_high). */
    public static final float HAND_LOW_X = -0.5f;
    public static final float HAND_LOW_Y = 0.40f;
    public static final float HAND_LOW_Z = 0.05f;
    public static final float HAND_HIGH_X = 0.5f;
    public static final float HAND_HIGH_Y = 1.0f;
    public static final float HAND_HIGH_Z = 0.5f;

    private Gripper() {
    }

    /** Gap the fingers are driven toward for grip command a3: +1 closed, -1 open. */
    public static float targetGap(float a3) {
        return OPEN_GAP * 0.5f * (1.0f - a3);
    }

    /**
     * Moves the finger gap one substep toward its target; closing stops at minGap, the width of
     * whatever the task reports between the pads (0 if nothing).
     */
    public static void moveFingers(SimState s, int i, float targetGap, float minGap, float maxChange) {
        float current = s.gap[i];
        float next = current + FMath.clamp(targetGap - current, -maxChange, maxChange);
        if (next < minGap && current >= minGap) {
            next = minGap;
        }
        s.gap[i] = next;
    }

    /** y of the centre of pad side (-1 left, +1 right). */
    public static float padCenterY(SimState s, int i, int side) {
        return s.hand[3 * i + 1] + side * (0.5f * s.gap[i] + 0.5f * PAD_THICKNESS);
    }

    public static float padCenterZ(SimState s, int i) {
        return s.hand[3 * i + 2] - TCP_OFFSET + PAD_CENTER_Z;
    }

    public static void clampHandToBox(SimState s, int i) {
        int v = 3 * i;
        s.hand[v] = FMath.clamp(s.hand[v], HAND_LOW_X, HAND_HIGH_X);
        s.hand[v + 1] = FMath.clamp(s.hand[v + 1], HAND_LOW_Y, HAND_HIGH_Y);
        s.hand[v + 2] = FMath.clamp(s.hand[v + 2], HAND_LOW_Z, HAND_HIGH_Z);
    }
}
