package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.Gripper;

/** Straddle the handle bar from above, pinch it, pull it along -y past the goal. */
final class DrawerOpenExpert implements ExpertPolicy {
    private static final float PINCHED_OPENNESS = Gripper.openness(2.0f * DrawerTask.BAR_RADIUS);
    /** The bar lies 1 cm behind the observed point (BAR_DY - HANDLE_OBS_DY). */
    private static final float BAR_BEHIND_OBS = DrawerTask.BAR_DY - DrawerTask.HANDLE_OBS_DY;
    /** Pinch with the tcp this far below the bar, so the 9 cm pads hold it near their middle. */
    private static final float PINCH_BELOW = 0.03f;

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float barX = ExpertMoves.obj(obs, o, 0);
        float barY = ExpertMoves.obj(obs, o, 1) + BAR_BEHIND_OBS;
        float pinchZ = ExpertMoves.obj(obs, o, 2) - PINCH_BELOW;
        if (ExpertMoves.pickUp(obs, o, barX, barY, pinchZ, PINCHED_OPENNESS, act, a)) {
            ExpertMoves.moveTcp(obs, o, barX, ExpertMoves.goal(obs, o, 1) - 0.02f, pinchZ, ExpertMoves.CLOSE, act, a);
        }
    }
}
