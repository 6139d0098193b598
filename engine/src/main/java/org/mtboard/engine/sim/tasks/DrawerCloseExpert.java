package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;

/** Fingers closed: come down in front of the handle, then push it along +y until the drawer shuts. */
final class DrawerCloseExpert implements ExpertPolicy {
    private static final float STANDOFF = 0.04f;

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float hx = ExpertMoves.obj(obs, o, 0);
        float hy = ExpertMoves.obj(obs, o, 1);
        float hz = ExpertMoves.obj(obs, o, 2);
        float tx = ExpertMoves.tcpX(obs, o);
        float ty = ExpertMoves.tcpY(obs, o);
        float tz = ExpertMoves.tcpZ(obs, o);
        boolean inFront = Math.abs(tx - hx) < 0.015f && ty < hy - 0.015f;
        if (inFront && Math.abs(tz - hz) < 0.01f) {
            ExpertMoves.moveTcp(obs, o, hx, ExpertMoves.goal(obs, o, 1) + 0.02f, hz, ExpertMoves.CLOSE, act, a);
        } else if (inFront && Math.abs(ty - (hy - STANDOFF)) < 0.015f) {
            ExpertMoves.moveTcp(obs, o, hx, hy - STANDOFF, hz, ExpertMoves.CLOSE, act, a);
        } else {
            ExpertMoves.moveTcp(obs, o, hx, hy - STANDOFF, hz + 0.08f, ExpertMoves.CLOSE, act, a);
        }
    }
}
