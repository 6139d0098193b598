package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;

/** Fingers closed: come beside the handle on the side away from the goal, then slide it along x. */
final class WindowExpert implements ExpertPolicy {
    private static final float STANDOFF = 0.035f;
    private final float direction;

    WindowExpert(float direction) {
        this.direction = direction;
    }

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float hx = ExpertMoves.obj(obs, o, 0);
        float hy = ExpertMoves.obj(obs, o, 1);
        float hz = ExpertMoves.obj(obs, o, 2);
        float tx = ExpertMoves.tcpX(obs, o);
        boolean behind = direction * (hx - tx) > 0.01f;
        boolean aligned = Math.abs(ExpertMoves.tcpY(obs, o) - hy) < 0.01f && Math.abs(ExpertMoves.tcpZ(obs, o) - hz) < 0.01f;
        if (behind && aligned) {
            ExpertMoves.moveTcp(obs, o, ExpertMoves.goal(obs, o, 0) - direction * 0.005f, hy, hz, ExpertMoves.CLOSE, act, a);
        } else {
            ExpertMoves.moveTcp(obs, o, hx - direction * STANDOFF, hy, hz, ExpertMoves.CLOSE, act, a);
        }
    }
}
