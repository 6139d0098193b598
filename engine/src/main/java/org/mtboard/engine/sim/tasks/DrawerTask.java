package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.rng.CounterRandom;
import org.mtboard.engine.sim.Contacts;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.Task;
import org.mtboard.engine.sim.TaskId;

/**
 * Scene shared by drawer-open and drawer-close: a cabinet whose drawer slides along world y.
 * Joint q in [-0.2, 0] (0 = closed, negative = pulled toward the robot); handle =
 * root + (0, -0.16 + q, 0.09). The handle is a bar along x that the fingers can straddle and pinch.
 */
abstract class DrawerTask extends Task {
    static final float Q_MIN = -0.2f;
    static final float Q_MAX = 0.0f;
    static final float HANDLE_DY = -0.16f;
    static final float HANDLE_Z = 0.09f;
    static final float BAR_HALF_X = 0.06f;
    static final float BAR_HALF_Y = 0.01f;
    static final float BAR_HALF_Z = 0.01f;
    /** The drawer's front face stands this far behind the bar. */
    static final float FRONT_OFFSET = 0.07f;
    static final float BODY_HALF_X = 0.1f;
    static final float BODY_HALF_Y = 0.08f;
    static final float BODY_HALF_Z = 0.04f;

    private final float startJoint;

    DrawerTask(TaskId id, float startJoint) {
        super(id);
        this.startJoint = startJoint;
    }

    @Override
    public void reset(SimState s, int i, CounterRandom random) {
        float rx = random.uniform(-0.1f, 0.1f);
        s.setFixture(i, rx, 0.9f, 0.0f);
        s.joint[i] = startJoint;
        placeHandle(s, i);
        setGoal(s, i, rx, 0.9f);
    }

    abstract void setGoal(SimState s, int i, float rootX, float rootY);

    static void placeHandle(SimState s, int i) {
        int v = 3 * i;
        s.setObj(i, s.fixture[v], s.fixture[v + 1] + HANDLE_DY + s.joint[i], HANDLE_Z);
    }

    @Override
    public float pinchWidth(SimState s, int i) {
        int v = 3 * i;
        boolean between = Math.abs(s.obj[v + 1] - s.hand[v + 1]) < 0.5f * s.gap[i]
                && Math.abs(s.obj[v] - s.hand[v]) < BAR_HALF_X + Gripper.PAD_HALF_X
                && Math.abs(s.obj[v + 2] - Gripper.padCenterZ(s, i)) < BAR_HALF_Z + Gripper.PAD_HALF_Z;
        return between ? 2.0f * BAR_HALF_Y : 0.0f;
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        float rootX = s.fixture[v];
        float rootY = s.fixture[v + 1];
        // Cabinet shell above the drawer (fixed).
        Contacts.handVsFixedBox(s, i, rootX, rootY + 0.0f, 0.12f, 0.11f, 0.09f, 0.04f);
        float q = s.joint[i];
        float handleY = rootY + HANDLE_DY + q;
        q = Contacts.handVsSlidingBox(s, i, rootX, handleY, HANDLE_Z, BAR_HALF_X, BAR_HALF_Y, BAR_HALF_Z, 1, q, Q_MIN, Q_MAX);
        handleY = rootY + HANDLE_DY + q;
        q = Contacts.handVsSlidingBox(s, i, rootX, handleY + FRONT_OFFSET + BODY_HALF_Y, BODY_HALF_Z,
                BODY_HALF_X, BODY_HALF_Y, BODY_HALF_Z, 1, q, Q_MIN, Q_MAX);
        s.joint[i] = q;
        placeHandle(s, i);
    }

    static float handleToGoal(SimState s, int i) {
        int v = 3 * i;
        return FMath.norm3(s.obj[v] - s.goal[v], s.obj[v + 1] - s.goal[v + 1], s.obj[v + 2] - s.goal[v + 2]);
    }
}
