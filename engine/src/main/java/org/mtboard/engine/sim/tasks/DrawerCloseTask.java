package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;

/** drawer-close-v2: push the drawer, open 0.15 m at reset, to within 5.5 cm of closed. */
public final class DrawerCloseTask extends DrawerTask {
    static final float SUCCESS_DISTANCE = 0.055f;
    static final float START_OPENING = -0.15f;

    public DrawerCloseTask() {
        super(TaskId.DRAWER_CLOSE, START_OPENING);
    }

    @Override
    void setGoal(SimState s, int i, float rootX, float rootY) {
        s.setGoal(i, rootX, rootY + HANDLE_DY, HANDLE_Z);
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return handleToGoal(s, i) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float d0 = FMath.norm3(s.obj0[v] - s.goal[v], s.obj0[v + 1] - s.goal[v + 1], s.obj0[v + 2] - s.goal[v + 2]);
        float inPlace = Rewards.longTail(handleToGoal(s, i), 0.0f, 0.04f, Math.abs(d0 - 0.04f));
        float tcp0Z = s.hand0[v + 2] - Gripper.TCP_OFFSET;
        float reach0 = FMath.norm3(s.obj0[v] - s.hand0[v], s.obj0[v + 1] - s.hand0[v + 1], s.obj0[v + 2] - tcp0Z);
        float reachDist = FMath.norm3(s.obj[v] - s.tcpX(i), s.obj[v + 1] - s.tcpY(i), s.obj[v + 2] - s.tcpZ(i));
        float reach = Rewards.hamacher(Rewards.gaussian(reachDist, 0.0f, 0.005f, Math.abs(reach0 - 0.005f)),
                FMath.clamp(gripCommand, 0.0f, 1.0f));
        return 10.0f * Rewards.hamacher(reach, inPlace);
    }

    @Override
    public ExpertPolicy expert() {
        return new DrawerCloseExpert();
    }
}
