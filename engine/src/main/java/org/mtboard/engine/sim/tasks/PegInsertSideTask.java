package org.mtboard.engine.sim.tasks;

import org.mtboard.engine.rng.CounterRandom;
import org.mtboard.engine.sim.Contacts;
import org.mtboard.engine.sim.ExpertPolicy;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.FreeBody;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Rewards;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.Task;
import org.mtboard.engine.sim.TaskId;

/**
 * peg-insert-side-v2: a peg lying along x (half-length 0.1, radius 0.02, head at its -x end) and
 * a box whose +x face at box_x + 0.03 has a hole (radius 0.03) at height 0.13. Goal = the hole
 * mouth, box + (0.03, 0, 0.13); success is ||(head - goal) * (1, 2, 2)|| <= 0.07. The peg enters
 * the hole, up to its depth, only when aligned with it; otherwise the box stops it.
 */
public final class PegInsertSideTask extends Task {
    static final float PEG_HALF_LENGTH = 0.1f;
    static final float PEG_RADIUS = 0.02f;
    static final FreeBody PEG = new FreeBody(PEG_HALF_LENGTH, PEG_RADIUS, PEG_RADIUS, 0.02f);
    static final float HOLE_DX = 0.03f;
    static final float HOLE_Z = 0.13f;
    /** Radial misalignment under which the peg (r 0.02) passes into the hole (r 0.03). */
    static final float HOLE_CLEARANCE = 0.01f;
    static final float HOLE_DEPTH = 0.1f;
    static final float BOX_BACK = 0.13f;
    static final float BOX_HALF_Y = 0.1f;
    static final float BOX_HEIGHT = 0.25f;
    static final float SUCCESS_DISTANCE = 0.07f;
    static final float MIN_PEG_BOX_XY = 0.1f;
    static final int MAX_RESAMPLES = 64;

    public PegInsertSideTask() {
        super(TaskId.PEG_INSERT_SIDE);
    }

    @Override
    public void reset(SimState s, int i, CounterRandom random) {
        float px = 0;
        float py = 0;
        float bx = 0;
        float by = 0;
        for (int attempt = 0; attempt < MAX_RESAMPLES; attempt++) {
            px = random.uniform(0.0f, 0.2f);
            py = random.uniform(0.5f, 0.7f);
            bx = random.uniform(-0.35f, -0.25f);
            by = random.uniform(0.4f, 0.7f);
            if (FMath.norm2(px - bx, py - by) >= MIN_PEG_BOX_XY) {
                break;
            }
        }
        s.setObj(i, px, py, PEG.restZ);
        s.setFixture(i, bx, by, 0.0f);
        s.setGoal(i, bx + HOLE_DX, by, HOLE_Z);
    }

    @Override
    public float pinchWidth(SimState s, int i) {
        return PEG.pinchWidth(s, i);
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        float face = s.fixture[v] + HOLE_DX;
        float by = s.fixture[v + 1];
        Contacts.handVsFixedBox(s, i, face - 0.5f * BOX_BACK, by, 0.5f * BOX_HEIGHT,
                0.5f * BOX_BACK, BOX_HALF_Y, 0.5f * BOX_HEIGHT);
        PEG.update(s, i, targetGap, dt);
        keepPegOutOfBox(s, i, face, by);
    }

    /** The box stops the peg unless it is aligned with the hole; the hand holding it stops too. */
    private static void keepPegOutOfBox(SimState s, int i, float face, float by) {
        int v = 3 * i;
        float head = s.obj[v] - PEG_HALF_LENGTH;
        if (head >= face) {
            return;
        }
        float dy = s.obj[v + 1] - by;
        float dz = s.obj[v + 2] - HOLE_Z;
        float pushX;
        if (FMath.norm2(dy, dz) <= HOLE_CLEARANCE) {
            pushX = Math.max(0.0f, face - HOLE_DEPTH - head);
        } else {
            boolean overlapsY = Math.abs(dy) < BOX_HALF_Y + PEG_RADIUS;
            boolean overlapsZ = s.obj[v + 2] - PEG_RADIUS < BOX_HEIGHT;
            pushX = overlapsY && overlapsZ ? face - head : 0.0f;
        }
        if (pushX > 0.0f) {
            s.obj[v] += pushX;
            if (s.grasped[i] != 0) {
                s.hand[v] += pushX;
            }
        }
    }

    /** obj1 is the peg head, where Meta-World's observation puts it. */
    @Override
    public void writeObjects(SimState s, int i, float[] obs, int off) {
        super.writeObjects(s, i, obs, off);
        obs[off] = s.obj[3 * i] - PEG_HALF_LENGTH;
    }

    private static float scaledHeadToGoal(SimState s, int i, float headX, float headY, float headZ) {
        int v = 3 * i;
        return FMath.norm3(headX - s.goal[v], 2.0f * (headY - s.goal[v + 1]), 2.0f * (headZ - s.goal[v + 2]));
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        int v = 3 * i;
        return scaledHeadToGoal(s, i, s.obj[v] - PEG_HALF_LENGTH, s.obj[v + 1], s.obj[v + 2]) <= SUCCESS_DISTANCE;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float headX = s.obj[v] - PEG_HALF_LENGTH;
        float head0X = s.obj0[v] - PEG_HALF_LENGTH;
        float margin = scaledHeadToGoal(s, i, head0X, s.obj0[v + 1], s.obj0[v + 2]);
        float inPlace = Rewards.longTail(scaledHeadToGoal(s, i, headX, s.obj[v + 1], s.obj[v + 2]), 0.0f, 0.05f, margin);
        inPlace = Rewards.hamacher(inPlace, approachCorridor(s, i, headX));
        float grasp = Rewards.cagingHighDensity(s, i, headX, s.obj[v + 1], s.obj[v + 2],
                head0X, s.obj0[v + 1], s.obj0[v + 2], 0.0075f, 0.03f, 0.005f, gripCommand);
        float tcpToHead = FMath.norm3(headX - s.tcpX(i), s.obj[v + 1] - s.tcpY(i), s.obj[v + 2] - s.tcpZ(i));
        boolean lifted = s.obj[v + 2] - 0.01f > s.obj0[v + 2];
        boolean held = tcpToHead < 0.08f && s.gap[i] / Gripper.OPEN_GAP > 0.0f && lifted;
        if (held) {
            grasp = 1.0f;
        }
        float reward = Rewards.hamacher(grasp, inPlace);
        if (held) {
            reward += 1.0f + 5.0f * inPlace;
        }
        return reward;
    }

    /**
     * Stands in for Meta-World's two rect-prism collision terms: within 5 cm of the box face the
     * head earns in-place reward only in proportion to its distance from the face unless it is
     * lined up with the hole, so hugging the face beside the hole pays nothing.
     */
    private static float approachCorridor(SimState s, int i, float headX) {
        int v = 3 * i;
        float face = s.fixture[v] + HOLE_DX;
        float misalignment = FMath.norm2(s.obj[v + 1] - s.goal[v + 1], s.obj[v + 2] - s.goal[v + 2]);
        if (misalignment <= 0.03f) {
            return 1.0f;
        }
        return FMath.clamp((headX - face) / 0.05f, 0.0f, 1.0f);
    }

    @Override
    public ExpertPolicy expert() {
        return new PegInsertSideExpert();
    }
}
