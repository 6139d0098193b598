package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.Gripper;

/**
 * Grasp the peg 6 cm behind its head, lift it and line it up with the hole 6 cm in front of the
 * box, then push it in along -x.
 */
final class PegInsertSideExpert implements ExpertPolicy {
    private static final float GRASP_BEHIND_HEAD = 0.06f;
    private static final float HELD_OPENNESS = 2.0f * PegInsertSideTask.PEG_RADIUS / Gripper.OPEN_GAP;

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float headX = ExpertMoves.obj(obs, o, 0);
        float headY = ExpertMoves.obj(obs, o, 1);
        float headZ = ExpertMoves.obj(obs, o, 2);
        if (!ExpertMoves.pickUp(obs, o, headX + GRASP_BEHIND_HEAD, headY, headZ, HELD_OPENNESS, act, a)) {
            return;
        }
        float gx = ExpertMoves.goal(obs, o, 0);
        float gy = ExpertMoves.goal(obs, o, 1);
        float gz = ExpertMoves.goal(obs, o, 2);
        boolean aligned = Math.abs(headY - gy) <= 0.005f && Math.abs(headZ - gz) <= 0.005f;
        float targetHeadX = aligned ? gx - 0.06f : gx + 0.06f;
        ExpertMoves.moveTcp(obs, o, targetHeadX + GRASP_BEHIND_HEAD, gy, gz, ExpertMoves.CLOSE, act, a);
    }
}
