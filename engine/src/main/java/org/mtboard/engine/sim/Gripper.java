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
    /**
     * Gap between the pads' inner faces when fully open and when closed on nothing (xyz_base.xml:
     * claws at +-0.05 from the hand, the pads' inner faces 0.006 inside the claws; the claws'
     * slides close by 0.04 and 0.03, here split evenly so the fingers close about the tcp).
     */
    public static final float OPEN_GAP = 0.088f;
    /** Travel of the two fingers' slides (xyz_base.xml: r_close [0, 0.04], l_close [-0.03, 0]). */
    public static final float SLIDE_TRAVEL_A = 0.04f;
    public static final float SLIDE_TRAVEL_B = 0.03f;
    public static final float MIN_GAP = OPEN_GAP - (SLIDE_TRAVEL_A + SLIDE_TRAVEL_B);
    /** Inner-face gap to the distance between the finger sites that Meta-World's openness reads. */
    public static final float SITE_SPAN_EXTRA = 0.012f;
    /** Openness observation = finger site distance / OPENNESS_SCALE (Meta-World divides by 0.1). */
    public static final float OPENNESS_SCALE = 0.1f;
    /** Largest change of the finger gap in one control step (fully closed in 3 steps). */
    public static final float GAP_RATE = 0.025f;
    /** Pad half-extent along x (Meta-World's pad and claw boxes: 0.015, xyz_base.xml). */
    public static final float PAD_HALF_X = 0.015f;
    /** Finger thickness along y (pad 0.006 and the claw's outer half 0.003), outward from the inner face. */
    public static final float PAD_THICKNESS = 0.009f;
    /** The pad body's centre (what the caging reward reads) lies this far outside its inner face. */
    public static final float PAD_BODY_INSET = 0.003f;
    /**
     * Pad bottom and top relative to the tcp height. Meta-World's pads are 0.09 tall and centred on
     * the hand body; its tcp (the finger sites) is at their lower end, 0.045 below the hand.
     */
    public static final float PAD_BOTTOM = 0.0f;
    public static final float PAD_TOP = 0.09f;
    public static final float PAD_HALF_Z = 0.5f * (PAD_TOP - PAD_BOTTOM);
    public static final float PAD_CENTER_Z = 0.5f * (PAD_TOP + PAD_BOTTOM);

    /**
     * The gripper base above the fingers (Meta-World's eGripperBase mesh, xyz_base.xml, as
     * compiled): x from 0.042 behind to 0.024 ahead of the hand, y 0.053 either side, z from 0.039
     * to 0.093 above the hand (from 0.084 above the tcp). As a box: centre hand + (BASE_DX, 0,
     * BASE_DZ), half-extents BASE_HALF_*.
     */
    public static final float BASE_DX = -0.009f;
    public static final float BASE_DZ = 0.066f;
    public static final float BASE_HALF_X = 0.033f;
    public static final float BASE_HALF_Y = 0.053f;
    public static final float BASE_HALF_Z = 0.027f;

    /** Meta-World's default mocap limits (hand_low, hand_high). */
    public static final float HAND_LOW_X = -0.5f;
    public static final float HAND_LOW_Y = 0.40f;
    public static final float HAND_LOW_Z = 0.05f;
    public static final float HAND_HIGH_X = 0.5f;
    public static final float HAND_HIGH_Y = 1.0f;
    public static final float HAND_HIGH_Z = 0.5f;

    private Gripper() {
    }

    /**
     * Gap the fingers are driven toward for grip command a3. Meta-World's fingers are position
     * servos whose targets are +a3 and -a3 (in metres) against slides of 0.04 and 0.03, so any a3
     * above 0.04 closes them fully, a3 <= 0 opens them, and in between each closes by a3 up to its
     * travel.
     */
    public static float targetGap(float a3) {
        float closing = FMath.clamp(a3, 0.0f, SLIDE_TRAVEL_A) + FMath.clamp(a3, 0.0f, SLIDE_TRAVEL_B);
        return OPEN_GAP - closing;
    }

    /** The openness observation for a gap: Meta-World's finger-site distance / 0.1, 0.3 closed .. 1.0 open. */
    public static float openness(float gap) {
        return FMath.clamp((gap + SITE_SPAN_EXTRA) / OPENNESS_SCALE, 0.0f, 1.0f);
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

    /** y of pad side's body (-1 toward -y, +1 toward +y), which Meta-World's caging reward reads. */
    public static float padY(SimState s, int i, int side) {
        return s.hand[3 * i + 1] + side * (0.5f * s.gap[i] + PAD_BODY_INSET);
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
