package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;

/** push-v2: bring the puck within 5 cm of a goal on the table. */
public final class PushTask extends PuckTask {
    static final float SUCCESS_DISTANCE = 0.05f;

    public PushTask() {
        super(TaskId.PUSH, 0.01f, 0.02f);
    }

    @Override
    float goalZ(float sampledZ) {
        return OBJ_Z;
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return objToGoal(s, i) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        float inPlace = Rewards.longTail(objToGoal(s, i), 0.0f, SUCCESS_DISTANCE, objToGoalAtReset(s, i));
        float grasp = puckCaging(s, i, gripCommand);
        float reward = 2.0f * grasp;
        if (tcpToObj(s, i) < 0.02f && Gripper.openness(s.gap[i]) > 0.0f) {
            reward += 1.0f + 5.0f * inPlace;
        }
        return reward;
    }

    @Override
    public ExpertPolicy expert() {
        return new PuckCarryExpert(true);
    }
}
