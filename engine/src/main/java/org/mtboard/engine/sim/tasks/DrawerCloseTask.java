package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;

/**
 * drawer-close-v2 (sawyer_drawer_close_v2.py): push the drawer, pulled out to q = -0.15 at reset,
 * shut. Meta-World observes root + (0, -0.17 + q, 0.14), 5 cm above the handle, against the goal
 * root + (0, -0.16, 0.09). Its class sets _TARGET_RADIUS = 0.04 but reads TARGET_RADIUS, the
 * base class's 0.05 (sawyer_xyz_env.py), so success is a distance <= 0.065; with the constant
 * 0.05 in z that leaves 0.0415 for the y error: q >= -0.0315 (shut to within 3.2 cm).
 */
public final class DrawerCloseTask extends DrawerTask {
    /** SawyerXYZEnv.TARGET_RADIUS, which drawer-close reads (its own _TARGET_RADIUS is unused). */
    static final float TARGET_RADIUS = 0.05f;
    static final float SUCCESS_DISTANCE = TARGET_RADIUS + 0.015f;
    static final float START_OPENING = -0.15f;
    static final float OBSERVED_DZ = 0.05f;

    public DrawerCloseTask() {
        super(TaskId.DRAWER_CLOSE, START_OPENING);
    }

    @Override
    void setGoal(SimState s, int i, float rootX, float rootY) {
        s.setGoal(i, rootX, rootY - 0.16f, LINK_Z);
    }

    @Override
    float observedDz() {
        return OBSERVED_DZ;
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return handleToGoal(s, i) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float d0 = FMath.norm3(s.obj0[v] - s.goal[v], s.obj0[v + 1] - s.goal[v + 1], s.obj0[v + 2] - s.goal[v + 2]);
        float inPlace = Rewards.longTail(handleToGoal(s, i), 0.0f, TARGET_RADIUS, Math.abs(d0 - TARGET_RADIUS));
        float tcp0Z = s.hand0[v + 2] - Gripper.TCP_OFFSET;
        float reach0 = FMath.norm3(s.obj0[v] - s.hand0[v], s.obj0[v + 1] - s.hand0[v + 1], s.obj0[v + 2] - tcp0Z);
        float reachDist = FMath.norm3(s.obj[v] - s.tcpX(i), s.obj[v + 1] - s.tcpY(i), s.obj[v + 2] - s.tcpZ(i));
        float reach = Rewards.hamacher(Rewards.gaussian(reachDist, 0.0f, 0.005f, Math.abs(reach0 - 0.005f)),
                FMath.clamp(gripCommand, 0.0f, 1.0f));
        return 10.0f * Rewards.hamacher(reach, inPlace);
    }

    /** Meta-World's drawer-close returns np.zeros(4) for the object quaternion. */
    @Override
    public void writeObjects(SimState s, int i, float[] obs, int off) {
        super.writeObjects(s, i, obs, off);
        obs[off + 6] = 0.0f;
    }

    @Override
    public ExpertPolicy expert() {
        return new DrawerCloseExpert();
    }
}
