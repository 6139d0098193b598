package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;

/**
 * drawer-open-v2 (sawyer_drawer_open_v2.py): pull the closed drawer out. The observed handle is
 * root + (0, -0.17 + q, 0.09); the goal root + (0, -0.36, 0.09); success is a handle error of at
 * most 0.03, i.e. q <= -0.16.
 */
public final class DrawerOpenTask extends DrawerTask {
    static final float SUCCESS_DISTANCE = 0.03f;
    /** Meta-World's maxDist: the goal lies this far beyond the handle's nominal closed position. */
    static final float MAX_DIST = 0.2f;

    public DrawerOpenTask() {
        super(TaskId.DRAWER_OPEN, 0.0f);
    }

    @Override
    void setGoal(SimState s, int i, float rootX, float rootY) {
        s.setGoal(i, rootX, rootY + HANDLE_OBS_DY - MAX_DIST, LINK_Z);
    }

    @Override
    float observedDz() {
        return 0.0f;
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return handleToGoal(s, i) <= SUCCESS_DISTANCE;
    }

    /**
     * 5 * (caging + opening). Meta-World measures caging from the hand body (obs[:3]) to the handle,
     * against a margin from its reset tcp to handle_pos_init = goal + (0, maxDist, 0), a point 1 cm
     * behind the real closed handle; both as written there.
     */
    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float open = Rewards.longTail(handleToGoal(s, i), 0.0f, 0.02f, MAX_DIST);
        float err = FMath.norm3(3.0f * (s.obj[v] - s.hand[v]), 3.0f * (s.obj[v + 1] - s.hand[v + 1]), s.obj[v + 2] - s.hand[v + 2]);
        float tcp0Z = s.hand0[v + 2] - Gripper.TCP_OFFSET;
        float handle0Y = s.goal[v + 1] + MAX_DIST;
        float err0 = FMath.norm3(3.0f * (s.goal[v] - s.hand0[v]), 3.0f * (handle0Y - s.hand0[v + 1]), s.goal[v + 2] - tcp0Z);
        float caging = Rewards.longTail(err, 0.0f, 0.01f, err0);
        return 5.0f * (caging + open);
    }

    @Override
    public ExpertPolicy expert() {
        return new DrawerOpenExpert();
    }
}
