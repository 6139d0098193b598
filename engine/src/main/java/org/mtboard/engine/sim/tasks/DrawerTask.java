package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.rng.CounterRandom;
import org.mtboard.engine.sim.Contacts;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.Task;
import org.mtboard.engine.sim.TaskId;

/**
 * Scene shared by drawer-open and drawer-close (Meta-World's sawyer_drawer.xml and drawer.xml):
 * a cabinet (drawercase_link) open at the front, and a drawer (drawer_link) sliding along world y
 * inside it. Joint q: 0 closed, negative pulled toward the robot. Positions are relative to the
 * drawer body ("root", sampled at reset): the drawer_link frame is root + (0, -0.01 + q, 0.09);
 * its handle bar (a capsule along x, r 0.009) is 0.15 in front of that frame, on two stems.
 * Meta-World reads the drawer_link frame position (get_body_com returns the body frame) and
 * offsets it: drawer-open observes link + (0, -0.16, 0), drawer-close link + (0, -0.16, 0.05).
 * Capsules meet the pads as their bounding boxes.
 */
abstract class DrawerTask extends Task {
    /**
     * Meta-World's slide range is [-0.16, 0], but drawer-open succeeds only at or past -0.16
     * (handle error |0.19 + q| <= 0.03) and nothing but MuJoCo's soft limit stops the drawer: a
     * pulling hand takes it to about -0.20 there. Our limit is hard, so it sits at -0.2, where
     * Meta-World's drawer ends up; drawer-close starts at -0.15 as there.
     */
    static final float Q_MIN = -0.2f;
    static final float Q_MAX = 0.0f;
    static final float LINK_DY = -0.01f;
    static final float LINK_Z = 0.09f;
    /** Offset Meta-World adds to the drawer_link frame for the observed handle. */
    static final float HANDLE_OBS_DY = -0.16f;
    static final float BAR_DY = -0.15f;
    static final float BAR_HALF_X = 0.059f;
    static final float BAR_RADIUS = 0.009f;
    static final float STEM_X = 0.05f;
    static final float STEM_DY = -0.12f;
    static final float STEM_HALF_Y = 0.039f;
    /** The case's parts are relative to root + (0, 0, CASE_Z). */
    static final float CASE_Z = 0.084f;

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

    /** Height of the observed point above the drawer_link frame (0 open, 0.05 close). */
    abstract float observedDz();

    final void placeHandle(SimState s, int i) {
        int v = 3 * i;
        s.setObj(i, s.fixture[v], s.fixture[v + 1] + LINK_DY + s.joint[i] + HANDLE_OBS_DY, LINK_Z + observedDz());
    }

    @Override
    public float pinchWidth(SimState s, int i) {
        int v = 3 * i;
        float barY = s.fixture[v + 1] + LINK_DY + s.joint[i] + BAR_DY;
        boolean between = Math.abs(barY - s.hand[v + 1]) < 0.5f * s.gap[i]
                && Math.abs(s.fixture[v] - s.hand[v]) < BAR_HALF_X + Gripper.PAD_HALF_X
                && Math.abs(LINK_Z - Gripper.padCenterZ(s, i)) < BAR_RADIUS + Gripper.PAD_HALF_Z;
        return between ? 2.0f * BAR_RADIUS : 0.0f;
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        float rx = s.fixture[v];
        float ry = s.fixture[v + 1];
        // The whole cabinet spans x +-0.118, y from the bar's front (drawer fully out) to the case back, z 0..0.168.
        if (!Contacts.padsNear(s, i, rx - 0.118f, rx + 0.118f, ry + LINK_DY + Q_MIN + BAR_DY - BAR_RADIUS, ry + 0.1f,
                0.0f, 0.168f)) {
            return;
        }
        float cz = CASE_Z;
        // drawercase_link: two sides, back, bottom and top; open at the front.
        Contacts.handVsFixedBox(s, i, rx - 0.11f, ry, cz, 0.008f, 0.1f, 0.084f);
        Contacts.handVsFixedBox(s, i, rx + 0.11f, ry, cz, 0.008f, 0.1f, 0.084f);
        Contacts.handVsFixedBox(s, i, rx, ry + 0.092f, cz - 0.008f, 0.102f, 0.008f, 0.076f);
        Contacts.handVsFixedBox(s, i, rx, ry - 0.008f, cz - 0.07f, 0.102f, 0.092f, 0.014f);
        Contacts.handVsFixedBox(s, i, rx, ry, cz + 0.076f, 0.102f, 0.1f, 0.008f);
        // drawer_link: an open box (front, back, sides, bottom), the handle bar and its stems.
        float q = s.joint[i];
        q = slide(s, i, q, rx, 0.0f, BAR_DY, 0.0f, BAR_HALF_X, BAR_RADIUS, BAR_RADIUS);
        q = slide(s, i, q, rx, -STEM_X, STEM_DY, 0.0f, BAR_RADIUS, STEM_HALF_Y, BAR_RADIUS);
        q = slide(s, i, q, rx, STEM_X, STEM_DY, 0.0f, BAR_RADIUS, STEM_HALF_Y, BAR_RADIUS);
        q = slide(s, i, q, rx, 0.0f, -0.082f, 0.008f, 0.1f, 0.008f, 0.052f);
        q = slide(s, i, q, rx, 0.0f, 0.082f, 0.008f, 0.1f, 0.008f, 0.052f);
        q = slide(s, i, q, rx, -0.092f, 0.0f, 0.008f, 0.008f, 0.074f, 0.052f);
        q = slide(s, i, q, rx, 0.092f, 0.0f, 0.008f, 0.008f, 0.074f, 0.052f);
        q = slide(s, i, q, rx, 0.0f, 0.0f, -0.052f, 0.1f, 0.09f, 0.008f);
        s.joint[i] = q;
        placeHandle(s, i);
    }

    /** One drawer_link part at (dx, dy, dz) from the link frame, which slides along y with q. */
    private static float slide(SimState s, int i, float q, float rx, float dx, float dy, float dz,
                               float ex, float ey, float ez) {
        float linkY = s.fixture[3 * i + 1] + LINK_DY + q;
        return Contacts.handVsSlidingBox(s, i, rx + dx, linkY + dy, LINK_Z + dz, ex, ey, ez, 1, q, Q_MIN, Q_MAX);
    }

    static float handleToGoal(SimState s, int i) {
        int v = 3 * i;
        return FMath.norm3(s.obj[v] - s.goal[v], s.obj[v + 1] - s.goal[v + 1], s.obj[v + 2] - s.goal[v + 2]);
    }
}
