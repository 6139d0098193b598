package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.Gripper;

/**
 * push and pick-place: grasp the puck from above, then carry it to the goal (push keeps it on
 * the table, pick-place lifts it to the goal height).
 */
final class PuckCarryExpert implements ExpertPolicy {
    private static final float HELD_OPENNESS = Gripper.openness(2.0f * PuckTask.PUCK_RADIUS);
    private final boolean stayOnTable;

    PuckCarryExpert(boolean stayOnTable) {
        this.stayOnTable = stayOnTable;
    }

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float px = ExpertMoves.obj(obs, o, 0);
        float py = ExpertMoves.obj(obs, o, 1);
        float pz = ExpertMoves.obj(obs, o, 2);
        if (ExpertMoves.pickUp(obs, o, px, py, pz, HELD_OPENNESS, act, a)) {
            float gz = stayOnTable ? pz : ExpertMoves.goal(obs, o, 2);
            ExpertMoves.moveTcp(obs, o, ExpertMoves.goal(obs, o, 0), ExpertMoves.goal(obs, o, 1), gz,
                    ExpertMoves.CLOSE, act, a);
        }
    }
}
