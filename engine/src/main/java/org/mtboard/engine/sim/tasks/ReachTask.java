package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;

/** reach-v2: bring the tcp within 5 cm of the goal; the puck is present but plays no part. */
public final class ReachTask extends PuckTask {
    static final float SUCCESS_DISTANCE = 0.05f;

    public ReachTask() {
        super(TaskId.REACH, 0.05f, 0.3f);
    }

    static float tcpToGoal(SimState s, int i) {
        int v = 3 * i;
        return FMath.norm3(s.tcpX(i) - s.goal[v], s.tcpY(i) - s.goal[v + 1], s.tcpZ(i) - s.goal[v + 2]);
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return tcpToGoal(s, i) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float margin = FMath.norm3(s.hand0[v] - s.goal[v], s.hand0[v + 1] - s.goal[v + 1], s.hand0[v + 2] - s.goal[v + 2]);
        return 10.0f * Rewards.longTail(tcpToGoal(s, i), 0.0f, SUCCESS_DISTANCE, margin);
    }

    @Override
    public ExpertPolicy expert() {
        return new ReachExpert();
    }
}
