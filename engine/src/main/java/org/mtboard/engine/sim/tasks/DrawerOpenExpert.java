package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.Gripper;

/** Straddle the handle bar from above, pinch it, pull it along -y to the goal. */
final class DrawerOpenExpert implements ExpertPolicy {
    private static final float PINCHED_OPENNESS = 2.0f * DrawerTask.BAR_HALF_Y / Gripper.OPEN_GAP;

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float hx = ExpertMoves.obj(obs, o, 0);
        float hy = ExpertMoves.obj(obs, o, 1);
        float hz = ExpertMoves.obj(obs, o, 2);
        if (ExpertMoves.pickUp(obs, o, hx, hy, hz, PINCHED_OPENNESS, act, a)) {
            ExpertMoves.moveTcp(obs, o, hx, ExpertMoves.goal(obs, o, 1) - 0.01f, hz, ExpertMoves.CLOSE, act, a);
        }
    }
}
