package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;

/** Move the tcp straight to the goal. */
final class ReachExpert implements ExpertPolicy {
    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        ExpertMoves.moveTcp(obs, o, ExpertMoves.goal(obs, o, 0), ExpertMoves.goal(obs, o, 1), ExpertMoves.goal(obs, o, 2),
                0.0f, act, a);
    }
}
