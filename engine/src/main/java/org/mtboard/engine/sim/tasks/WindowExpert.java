package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;

/**
 * Fingers closed: come beside the handle bar on the side away from the goal (in front of it
 * first, so the pads do not run into the bar), then slide it along x.
 */
final class WindowExpert implements ExpertPolicy {
    /** tcp to bar centre while pushing: pad half-width 0.015 + bar radius 0.008 + 2 cm. */
    private static final float STANDOFF = 0.043f;
    private static final float APPROACH_Y = 0.1f;
    /** The tcp is on the pushing side once the pad (half-width 0.015) clears the bar (radius 0.008). */
    private static final float PUSHING_SIDE = 0.02f;
    private final float direction;
    private final float siteFromBar;

    /**
     * @param direction   +1 to open (push toward +x), -1 to close
     * @param siteFromBar x of the observed site minus the bar's
     */
    WindowExpert(float direction, float siteFromBar) {
        this.direction = direction;
        this.siteFromBar = siteFromBar;
    }

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float barX = ExpertMoves.obj(obs, o, 0) - siteFromBar;
        float barY = ExpertMoves.obj(obs, o, 1);
        float barZ = ExpertMoves.obj(obs, o, 2);
        float tx = ExpertMoves.tcpX(obs, o);
        float ty = ExpertMoves.tcpY(obs, o);
        float standX = barX - direction * STANDOFF;
        boolean behind = direction * (barX - tx) > PUSHING_SIDE;
        boolean aligned = Math.abs(ty - barY) < 0.01f && Math.abs(ExpertMoves.tcpZ(obs, o) - barZ) < 0.01f;
        if (behind && aligned) {
            ExpertMoves.moveTcp(obs, o, tx + direction * 0.05f, barY, barZ, ExpertMoves.CLOSE, act, a);
        } else if (Math.abs(tx - standX) > 0.01f) {
            ExpertMoves.moveTcp(obs, o, standX, Math.min(ty, barY - APPROACH_Y), barZ, ExpertMoves.CLOSE, act, a);
        } else {
            ExpertMoves.moveTcp(obs, o, standX, barY, barZ, ExpertMoves.CLOSE, act, a);
        }
    }
}
