package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.rng.CounterRandom;
import org.mtboard.engine.sim.Contacts;
import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.Task;
import org.mtboard.engine.sim.TaskId;

/**
 * window-open-v2 and window-close-v2 (sawyer_window_open_v2.py, sawyer_window_close_v2.py,
 * sawyer_window_horizontal.xml, window_horiz.xml): a sash (windowb_a) sliding along world x in a
 * fixed frame, travel q in [0, 0.2]; its handle is a vertical bar at window + (q - 0.014, -0.095,
 * 0), in front of the glass. Meta-World observes a site beside the bar, not the bar: window-open
 * handleOpenStart = window + (q - 0.04, -0.095, 0), window-close handleCloseStart = window + (q +
 * 0.01, -0.095, 0), and success is that site's x within 0.05 of the goal's: open q >= 0.19 (goal
 * window + (0.2, 0, 0)), close q <= 0.04 (goal = window). The sites lie on the side of the bar
 * the hand must push from, so the reach reward leads it there. The bar meets the pads as the round
 * bar it is (a pad meeting it off-centre slides around it), its two standoffs as boxes, and both
 * meet the gripper base above the pads too, since Meta-World's policies push the bar with it.
 */
public final class WindowTask extends Task {
    static final float Q_MIN = 0.0f;
    static final float Q_MAX = 0.2f;
    static final float BAR_DX = -0.014f;
    static final float BAR_DY = -0.095f;
    static final float OPEN_SITE_DX = -0.04f;
    static final float CLOSE_SITE_DX = 0.01f;
    static final float BAR_RADIUS = 0.008f;
    /** The standoffs joining the bar to the sash: capsules along y, r 0.008, at z +-0.045, y -0.103 .. -0.017. */
    static final float STEM_DY = -0.06f;
    static final float STEM_HALF_Y = 0.043f;
    static final float STEM_DZ = 0.045f;
    static final float BAR_HALF_Z = 0.053f;
    static final float SUCCESS_DISTANCE = 0.05f;

    private final boolean opening;
    private final float lowX;
    private final float highX;
    private final float lowY;
    private final float highY;
    private final float windowZ;

    private WindowTask(TaskId id, boolean opening, float lowX, float highX, float lowY, float highY, float windowZ) {
        super(id);
        this.opening = opening;
        this.lowX = lowX;
        this.highX = highX;
        this.lowY = lowY;
        this.highY = highY;
        this.windowZ = windowZ;
    }

    public static WindowTask open() {
        return new WindowTask(TaskId.WINDOW_OPEN, true, -0.1f, 0.1f, 0.7f, 0.9f, 0.16f);
    }

    public static WindowTask close() {
        return new WindowTask(TaskId.WINDOW_CLOSE, false, 0.0f, 0.0f, 0.75f, 0.9f, 0.2f);
    }

    @Override
    public float handInitY() {
        return 0.4f;
    }

    @Override
    public void reset(SimState s, int i, CounterRandom random) {
        float wx = random.uniform(lowX, highX);
        float wy = random.uniform(lowY, highY);
        s.setFixture(i, wx, wy, windowZ);
        s.joint[i] = opening ? Q_MIN : Q_MAX;
        s.setGoal(i, opening ? wx + Q_MAX : wx, wy, windowZ);
        placeHandle(s, i);
    }

    private float siteDx() {
        return opening ? OPEN_SITE_DX : CLOSE_SITE_DX;
    }

    void placeHandle(SimState s, int i) {
        int v = 3 * i;
        s.setObj(i, s.fixture[v] + s.joint[i] + siteDx(), s.fixture[v + 1] + BAR_DY, s.fixture[v + 2]);
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        float wx = s.fixture[v];
        float wy = s.fixture[v + 1];
        float wz = s.fixture[v + 2];
        // The region also holds everything the gripper base (0.053 either side of the hand) can reach.
        if (!Contacts.padsNear(s, i, wx - 0.25f, wx + 0.25f, wy + BAR_DY - BAR_RADIUS - Gripper.BASE_HALF_Y, wy + 0.06f,
                wz - 0.202f, wz + 0.181f)) {
            return;
        }
        // The fixed frame: posts, top and bottom rails, base, and the fixed pane (windowb_b).
        Contacts.handVsFixedBox(s, i, wx - 0.216f, wy, wz, 0.015f, 0.03f, 0.181f);
        Contacts.handVsFixedBox(s, i, wx + 0.216f, wy, wz, 0.015f, 0.03f, 0.181f);
        Contacts.handVsFixedBox(s, i, wx, wy, wz + 0.166f, 0.201f, 0.03f, 0.015f);
        Contacts.handVsFixedBox(s, i, wx, wy, wz - 0.166f, 0.201f, 0.03f, 0.015f);
        Contacts.handVsFixedBox(s, i, wx, wy, wz - 0.192f, 0.25f, 0.06f, 0.01f);
        Contacts.handVsFixedBox(s, i, wx + 0.1f, wy + 0.013f, wz, 0.1f, 0.012f, 0.15f);
        // The sash (frame and glass as one box), its handle bar and the bar's two standoffs slide with
        // q. Meta-World's policies push the bar with the gripper base above the fingers, so the base
        // meets the bar and standoffs too.
        float q = s.joint[i];
        q = Contacts.handVsSlidingBox(s, i, wx + q - 0.1f, wy - 0.013f, wz, 0.1f, 0.012f, 0.15f, 0, q, Q_MIN, Q_MAX);
        q = Contacts.handVsSlidingRod(s, i, wx + q + BAR_DX, wy + BAR_DY, BAR_RADIUS, wz - BAR_HALF_Z, wz + BAR_HALF_Z,
                q, Q_MIN, Q_MAX);
        q = Contacts.handVsSlidingBox(s, i, wx + q + BAR_DX, wy + STEM_DY, wz + STEM_DZ, BAR_RADIUS, STEM_HALF_Y, BAR_RADIUS, 0,
                q, Q_MIN, Q_MAX);
        q = Contacts.handVsSlidingBox(s, i, wx + q + BAR_DX, wy + STEM_DY, wz - STEM_DZ, BAR_RADIUS, STEM_HALF_Y, BAR_RADIUS, 0,
                q, Q_MIN, Q_MAX);
        q = Contacts.gripperBaseVsSlidingBox(s, i, wx + q + BAR_DX, wy + BAR_DY, wz, BAR_RADIUS, BAR_RADIUS, BAR_HALF_Z, 0,
                q, Q_MIN, Q_MAX);
        q = Contacts.gripperBaseVsSlidingBox(s, i, wx + q + BAR_DX, wy + STEM_DY, wz + STEM_DZ, BAR_RADIUS, STEM_HALF_Y,
                BAR_RADIUS, 0, q, Q_MIN, Q_MAX);
        q = Contacts.gripperBaseVsSlidingBox(s, i, wx + q + BAR_DX, wy + STEM_DY, wz - STEM_DZ, BAR_RADIUS, STEM_HALF_Y,
                BAR_RADIUS, 0, q, Q_MIN, Q_MAX);
        s.joint[i] = q;
        placeHandle(s, i);
    }

    /** Meta-World's windows return np.zeros(4) for the object quaternion. */
    @Override
    public void writeObjects(SimState s, int i, float[] obs, int off) {
        super.writeObjects(s, i, obs, off);
        obs[off + 6] = 0.0f;
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return Math.abs(s.obj[3 * i] - s.goal[3 * i]) <= SUCCESS_DISTANCE;
    }

    /**
     * 10 * H(reach, in_place). The in-place margin is |start - 0.05| where Meta-World's start is the
     * window body's distance to the goal (0.2) for open and the handle site's (0.21) for close; the
     * reach margin is the reset tcp's distance to the site at reset, less 0.02.
     */
    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float start = opening ? Q_MAX : Math.abs(s.obj0[v] - s.goal[v]);
        float inPlace = Rewards.longTail(Math.abs(s.obj[v] - s.goal[v]), 0.0f, SUCCESS_DISTANCE, Math.abs(start - SUCCESS_DISTANCE));
        float tcp0Z = s.hand0[v + 2] - Gripper.TCP_OFFSET;
        float reach0 = FMath.norm3(s.obj0[v] - s.hand0[v], s.obj0[v + 1] - s.hand0[v + 1], s.obj0[v + 2] - tcp0Z);
        float reachDist = FMath.norm3(s.obj[v] - s.tcpX(i), s.obj[v + 1] - s.tcpY(i), s.obj[v + 2] - s.tcpZ(i));
        float margin = Math.abs(reach0 - 0.02f);
        float reach = opening
                ? Rewards.longTail(reachDist, 0.0f, 0.02f, margin)
                : Rewards.gaussian(reachDist, 0.0f, 0.02f, margin);
        return 10.0f * Rewards.hamacher(reach, inPlace);
    }

    @Override
    public ExpertPolicy expert() {
        return new WindowExpert(opening ? 1.0f : -1.0f, siteDx() - BAR_DX);
    }
}
