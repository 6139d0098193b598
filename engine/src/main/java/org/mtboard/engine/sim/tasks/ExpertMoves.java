package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Observation;

/**
 * Helpers shared by the scripted experts: named reads of the observation and a proportional
 * controller on the tcp, like Meta-World's policies' parse_obs and move().
 */
final class ExpertMoves {
    /** Gain 1/ACTION_SCALE: the hand reaches any target within 1 cm per axis in one step. */
    static final float DEADBEAT_GAIN = 1.0f / Gripper.ACTION_SCALE;
    static final float OPEN = -1.0f;
    static final float CLOSE = 1.0f;

    private ExpertMoves() {
    }

    static float tcpX(float[] obs, int o) {
        return obs[o + Observation.HAND];
    }

    static float tcpY(float[] obs, int o) {
        return obs[o + Observation.HAND + 1];
    }

    static float tcpZ(float[] obs, int o) {
        return obs[o + Observation.HAND + 2] - Gripper.TCP_OFFSET;
    }

    static float openness(float[] obs, int o) {
        return obs[o + Observation.OPENNESS];
    }

    static float obj(float[] obs, int o, int axis) {
        return obs[o + Observation.OBJ1_POS + axis];
    }

    static float goal(float[] obs, int o, int axis) {
        return obs[o + Observation.GOAL + axis];
    }

    /** Drives the tcp toward (x, y, z) and sets the grip command. */
    static void moveTcp(float[] obs, int o, float x, float y, float z, float grip, float[] act, int a) {
        act[a] = FMath.clamp((x - tcpX(obs, o)) * DEADBEAT_GAIN, -1.0f, 1.0f);
        act[a + 1] = FMath.clamp((y - tcpY(obs, o)) * DEADBEAT_GAIN, -1.0f, 1.0f);
        act[a + 2] = FMath.clamp((z - tcpZ(obs, o)) * DEADBEAT_GAIN, -1.0f, 1.0f);
        act[a + 3] = grip;
    }

    static float distXy(float ax, float ay, float bx, float by) {
        return FMath.norm2(ax - bx, ay - by);
    }

    /**
     * The pick-up ladder shared by the grasping experts: hover over the grasp point, descend with
     * the fingers open, close, and reopen to retry if they closed on nothing.
     *
     * @return true once the object is held (openness near its width), so the caller may carry it
     */
    static boolean pickUp(float[] obs, int o, float gx, float gy, float gz, float heldOpenness,
                          float[] act, int a) {
        float tx = tcpX(obs, o);
        float ty = tcpY(obs, o);
        float tz = tcpZ(obs, o);
        float open = openness(obs, o);
        boolean atPoint = distXy(tx, ty, gx, gy) <= 0.012f && Math.abs(tz - gz) <= 0.012f;
        if (atPoint && Math.abs(open - heldOpenness) < 0.05f) {
            return true;
        }
        if (distXy(tx, ty, gx, gy) > 0.01f) {
            moveTcp(obs, o, gx, gy, gz + 0.08f, OPEN, act, a);
        } else if (tz - gz > 0.005f) {
            moveTcp(obs, o, gx, gy, gz, OPEN, act, a);
        } else {
            moveTcp(obs, o, gx, gy, gz, open < heldOpenness - 0.1f ? OPEN : CLOSE, act, a);
        }
        return false;
    }
}
