package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;

/** pick-place-v2: bring the puck within 7 cm of a goal up to 0.3 m above the table. */
public final class PickPlaceTask extends PuckTask {
    static final float SUCCESS_DISTANCE = 0.07f;

    public PickPlaceTask() {
        super(TaskId.PICK_PLACE, 0.05f, 0.3f);
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        return objToGoal(s, i) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float inPlace = Rewards.longTail(objToGoal(s, i), 0.0f, 0.05f, objToGoalAtReset(s, i));
        float grasp = Rewards.cagingPickPlace(s, i, s.obj[v], s.obj[v + 1], s.obj[v + 2], s.obj0[v], s.obj0[v + 2], gripCommand);
        float reward = Rewards.hamacher(grasp, inPlace);
        boolean lifted = s.obj[v + 2] - 0.01f > s.obj0[v + 2];
        if (tcpToObj(s, i) < 0.02f && Gripper.openness(s.gap[i]) > 0.0f && lifted) {
            reward += 1.0f + 5.0f * inPlace;
        }
        return reward;
    }

    @Override
    public ExpertPolicy expert() {
        return new PuckCarryExpert(false);
    }
}
