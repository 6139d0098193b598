package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;

/** Fingers closed: hover above the cap, then press straight down past the goal height. */
final class ButtonPressTopdownExpert implements ExpertPolicy {
    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float bx = ExpertMoves.obj(obs, o, 0);
        float by = ExpertMoves.obj(obs, o, 1);
        float bz = ExpertMoves.obj(obs, o, 2);
        boolean above = ExpertMoves.distXy(ExpertMoves.tcpX(obs, o), ExpertMoves.tcpY(obs, o), bx, by) <= 0.01f;
        float z = above ? ExpertMoves.goal(obs, o, 2) - 0.05f : bz + 0.05f;
        ExpertMoves.moveTcp(obs, o, bx, by, z, ExpertMoves.CLOSE, act, a);
    }
}
