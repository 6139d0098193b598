package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;

/** drawer-open-v2: pull the closed drawer's handle to within 3 cm of fully open (0.2 m). */
public final class DrawerOpenTask extends DrawerTask {
    static final float SUCCESS_DISTANCE = 0.03f;

    public DrawerOpenTask() {
        super(TaskId.DRAWER_OPEN, 0.0f);
    }

    @Override
    void setGoal(SimState s, int i, float rootX, float rootY) {
        s.setGoal(i, rootX, rootY + HANDLE_DY - 0.2f, HANDLE_Z);
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return handleToGoal(s, i) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float open = Rewards.longTail(handleToGoal(s, i), 0.0f, 0.02f, 0.2f);
        float err = FMath.norm3(3.0f * (s.obj[v] - s.tcpX(i)), 3.0f * (s.obj[v + 1] - s.tcpY(i)), s.obj[v + 2] - s.tcpZ(i));
        float tcp0Z = s.hand0[v + 2] - Gripper.TCP_OFFSET;
        float err0 = FMath.norm3(3.0f * (s.obj0[v] - s.hand0[v]), 3.0f * (s.obj0[v + 1] - s.hand0[v + 1]), s.obj0[v + 2] - tcp0Z);
        float caging = Rewards.longTail(err, 0.0f, 0.01f, err0);
        return 5.0f * (caging + open);
    }

    @Override
    public ExpertPolicy expert() {
        return new DrawerOpenExpert();
    }
}
