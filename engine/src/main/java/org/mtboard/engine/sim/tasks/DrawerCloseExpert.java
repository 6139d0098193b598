package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;

/**
 * Fingers closed: come down in front of the drawer above its handle bar, then push the drawer's
 * front along +y until it shuts. The observed point is 5 cm above the bar and 1 cm in front.
 */
final class DrawerCloseExpert implements ExpertPolicy {
    private static final float STANDOFF = 0.04f;
    /** Push with the tcp 3 cm below the observed point: the pads clear the bar and meet the front. */
    private static final float PUSH_BELOW_OBS = 0.03f;
    private static final float FRONT_BEHIND_OBS = 0.08f;

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float px = ExpertMoves.obj(obs, o, 0);
        float py = ExpertMoves.obj(obs, o, 1);
        float pz = ExpertMoves.obj(obs, o, 2) - PUSH_BELOW_OBS;
        float tx = ExpertMoves.tcpX(obs, o);
        float ty = ExpertMoves.tcpY(obs, o);
        float tz = ExpertMoves.tcpZ(obs, o);
        boolean inColumn = Math.abs(tx - px) < 0.015f;
        boolean low = Math.abs(tz - pz) < 0.01f;
        // The drawer's front is 7 cm behind the observed point: push while the tcp is not past it.
        if (inColumn && low && ty < py + FRONT_BEHIND_OBS) {
            ExpertMoves.moveTcp(obs, o, px, ExpertMoves.goal(obs, o, 1) + 0.1f, pz, ExpertMoves.CLOSE, act, a);
        } else if (inColumn && Math.abs(ty - (py - STANDOFF)) < 0.015f) {
            ExpertMoves.moveTcp(obs, o, px, py - STANDOFF, pz, ExpertMoves.CLOSE, act, a);
        } else {
            ExpertMoves.moveTcp(obs, o, px, py - STANDOFF, pz + 0.1f, ExpertMoves.CLOSE, act, a);
        }
    }
}
