package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;

/**
 * Fingers closed: drop into the gap between grip and panel from above, then drag the grip along
 * the door's arc, keeping the hand at the hook's distance from the hinge. The door angle comes
 * from the handle's bearing about the hinge, the hinge from the goal.
 */
final class DoorOpenExpert implements ExpertPolicy {
    private static final float HOOK_LOCAL_X = 0.40f;
    private static final float HOOK_LOCAL_Y = -0.06f;
    private static final float HOOK_RADIUS = FMath.norm2(HOOK_LOCAL_X, HOOK_LOCAL_Y);
    /** Angle the hand leads its current bearing by while pulling. */
    private static final float LEAD = 0.1f;
    private static final float FULLY_OPEN = -1.7f;

    @Override
    public void act(float[] obs, int o, float[] act, int a) {
        float hz = ExpertMoves.obj(obs, o, 2);
        float hingeX = ExpertMoves.goal(obs, o, 0) - DoorOpenTask.GOAL_DX + DoorOpenTask.HINGE_DX;
        float hingeY = ExpertMoves.goal(obs, o, 1) - DoorOpenTask.GOAL_DY + DoorOpenTask.HINGE_DY;
        // The door's angle: the handle's bearing from the hinge less its bearing in the door's frame.
        float q = FMath.atan2(ExpertMoves.obj(obs, o, 1) - hingeY, ExpertMoves.obj(obs, o, 0) - hingeX)
                - FMath.atan2(DoorOpenTask.HANDLE_LOCAL_Y, DoorOpenTask.HANDLE_LOCAL_X);
        float cosQ = FMath.cos(q);
        float sinQ = FMath.sin(q);
        float rx = ExpertMoves.tcpX(obs, o) - hingeX;
        float ry = ExpertMoves.tcpY(obs, o) - hingeY;
        // The tcp in the door's frame.
        float localX = cosQ * rx + sinQ * ry;
        float localY = -sinQ * rx + cosQ * ry;
        boolean inGap = localX > 0.33f && localX < 0.46f && localY > -0.1f && localY < -0.02f;
        boolean hooked = inGap && Math.abs(ExpertMoves.tcpZ(obs, o) - hz) < 0.02f;
        if (hooked) {
            float bearing = Math.max(FMath.atan2(ry, rx) - LEAD, FULLY_OPEN + FMath.atan2(HOOK_LOCAL_Y, HOOK_LOCAL_X));
            ExpertMoves.moveTcp(obs, o, hingeX + HOOK_RADIUS * FMath.cos(bearing), hingeY + HOOK_RADIUS * FMath.sin(bearing),
                    hz, ExpertMoves.CLOSE, act, a);
            return;
        }
        float hookX = hingeX + cosQ * HOOK_LOCAL_X - sinQ * HOOK_LOCAL_Y;
        float hookY = hingeY + sinQ * HOOK_LOCAL_X + cosQ * HOOK_LOCAL_Y;
        boolean above = ExpertMoves.distXy(ExpertMoves.tcpX(obs, o), ExpertMoves.tcpY(obs, o), hookX, hookY) <= 0.012f;
        ExpertMoves.moveTcp(obs, o, hookX, hookY, above ? hz : hz + 0.14f, ExpertMoves.CLOSE, act, a);
    }
}
