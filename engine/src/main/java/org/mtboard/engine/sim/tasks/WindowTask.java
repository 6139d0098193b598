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
 * window-open-v2 and window-close-v2: a window sliding along world x, travel [0, 0.2]; its handle
 * (a vertical bar) sits at window + (q, 0, 0). Success: handle x within 5 cm of the goal's.
 * open: starts closed, goal = window + (0.2, 0, 0); close: starts open 0.2, goal = window.
 */
public final class WindowTask extends Task {
    static final float Q_MIN = 0.0f;
    static final float Q_MAX = 0.2f;
    static final float HANDLE_HALF_X = 0.008f;
    /**
     * Half-depth (y) of the handle as the pads meet it: wider than the open fingers (0.06), so
     * the hand pushes it open or closed with any finger opening, as Meta-World's hand body does.
     */
    static final float HANDLE_HALF_Y = 0.065f;
    static final float HANDLE_HALF_Z = 0.04f;
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

    private static void placeHandle(SimState s, int i) {
        int v = 3 * i;
        s.setObj(i, s.fixture[v] + s.joint[i], s.fixture[v + 1], s.fixture[v + 2]);
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        s.joint[i] = Contacts.handVsSlidingBox(s, i, s.obj[v], s.obj[v + 1], s.obj[v + 2],
                HANDLE_HALF_X, HANDLE_HALF_Y, HANDLE_HALF_Z, 0, s.joint[i], Q_MIN, Q_MAX);
        placeHandle(s, i);
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return Math.abs(s.obj[3 * i] - s.goal[3 * i]) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float start = Math.abs(s.obj0[v] - s.goal[v]);
        float inPlace = Rewards.longTail(Math.abs(s.obj[v] - s.goal[v]), 0.0f, 0.05f, Math.abs(start - 0.05f));
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
        return new WindowExpert(opening ? 1.0f : -1.0f);
    }
}
