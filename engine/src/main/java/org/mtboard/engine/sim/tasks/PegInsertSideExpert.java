package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.Gripper;

/**
 * Grasp the peg at its observed grasp point with the hand at its lowest, lift it and line its
 * head up with the hole 6 cm in front of the mouth, then push it in along -x. Once held, the
 * grasp point moves with the tcp, so the tcp is driven by the grasp point's error.
 */
final class PegInsertSideExpert implements ExpertPolicy {
    private static final float HELD_OPENNESS = Gripper.openness(2.0f * PegInsertSideTask.PEG_HALF_WIDTH);
    /** pegGrasp relative to pegHead: what the grasp point is when the head is at the goal. */
    private static final float GRASP_FROM_HEAD_X = PegInsertSideTask.GRASP_DX - PegInsertSideTask.HEAD_DX;
    private static final float GRASP_FROM_HEAD_Z = PegInsertSideTask.GRASP_DZ;
    /**
     * Grasp with the tcp at its lowest (hand box z 0.05 less the tcp offset, 0.005), this far below
     * the resting peg's grasp point; the offset holds while the peg is carried.
     */
    private static final float GRASP_ABOVE_TCP = PegInsertSideTask.PEG_REST_Z + PegInsertSideTask.GRASP_DZ
            - (Gripper.HAND_LOW_Z - Gripper.TCP_OFFSET);
    /** Head in front of the goal while lining up, and behind it at the end of the push. */
    private static final float LINE_UP = 0.1f;
    private static final float PUSH_IN = 0.03f;

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float gx = ExpertMoves.obj(obs, o, 0);
        float gy = ExpertMoves.obj(obs, o, 1);
        float gz = ExpertMoves.obj(obs, o, 2);
        if (!ExpertMoves.pickUp(obs, o, gx, gy, gz - GRASP_ABOVE_TCP, HELD_OPENNESS, act, a)) {
            return;
        }
        float goalX = ExpertMoves.goal(obs, o, 0);
        float goalY = ExpertMoves.goal(obs, o, 1);
        float goalZ = ExpertMoves.goal(obs, o, 2);
        float wantY = goalY;
        float wantZ = goalZ + GRASP_FROM_HEAD_Z;
        boolean aligned = Math.abs(gy - wantY) <= 0.004f && Math.abs(gz - wantZ) <= 0.004f;
        float wantX = goalX + GRASP_FROM_HEAD_X + (aligned ? -PUSH_IN : LINE_UP);
        ExpertMoves.moveTcp(obs, o,
                ExpertMoves.tcpX(obs, o) + wantX - gx,
                ExpertMoves.tcpY(obs, o) + wantY - gy,
                ExpertMoves.tcpZ(obs, o) + wantZ - gz, ExpertMoves.CLOSE, act, a);
    }
}
