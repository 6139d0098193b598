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
 * peg-insert-side-v2 (sawyer_peg_insertion_side_v2.py, sawyer_peg_insertion_side.xml,
 * peg_block.xml). The peg is a box 0.24 long along x with a 0.03 square section (geom size 0.015
 * 0.015 0.12 turned onto x); s.obj holds its body centre. Its sites: pegHead at -0.1 in x (2 cm
 * inside its -x tip), pegGrasp at (+0.03, 0, +0.01), which is what Meta-World observes as obj1.
 * The block is turned by euler (0 0 1.57), so its square tunnel (y +-0.03, z 0.1..0.16 above the
 * block's base) runs along world x and opens at the site "hole", box + (0.096, 0, 0.13). The goal
 * box + (0.03, 0, 0.13) lies 6.6 cm inside that mouth; success is ||(head - goal) * (1, 2, 2)||
 * <= 0.07, so a centred peg must have its head within 0.004 of the mouth and its tip 1.6 cm in.
 * We treat 1.57 as pi/2: the block's parts move by less than 0.1 mm.
 */
public final class PegInsertSideTask extends Task {
    static final float PEG_HALF_LENGTH = 0.12f;
    static final float PEG_HALF_WIDTH = 0.015f;
    /** The peg settles on the table at its half-height; Meta-World drops it from 0.02. */
    static final float PEG_REST_Z = 0.015f;
    /** Meta-World's obj_init_pos z: the sampled height, used by its lift test and caging margin. */
    static final float PEG_INIT_Z = 0.02f;
    /** The peg's end cap is rounded in the pads' view: the segment stops PEG_HALF_WIDTH short of each end. */
    static final FreeBody PEG = new FreeBody(PEG_HALF_LENGTH - PEG_HALF_WIDTH, PEG_HALF_WIDTH, PEG_HALF_WIDTH, PEG_REST_Z);
    static final float HEAD_DX = -0.1f;
    static final float GRASP_DX = 0.03f;
    static final float GRASP_DZ = 0.01f;
    static final float GOAL_DX = 0.03f;
    static final float GOAL_DZ = 0.13f;
    static final float HOLE_DX = 0.096f;
    static final float TARGET_RADIUS = 0.07f;
    static final float MIN_PEG_BOX_XY = 0.1f;
    static final int MAX_RESAMPLES = 64;

    public PegInsertSideTask() {
        super(TaskId.PEG_INSERT_SIDE);
    }

    /** Draws Meta-World's reset vector (peg xyz, box xyz) and redraws while peg and box are within 0.1 in xy. */
    @Override
    public void reset(SimState s, int i, CounterRandom random) {
        float px = 0;
        float py = 0;
        float bx = 0;
        float by = 0;
        float bz = 0;
        for (int attempt = 0; attempt < MAX_RESAMPLES; attempt++) {
            px = random.uniform(0.0f, 0.2f);
            py = random.uniform(0.5f, 0.7f);
            random.nextFloat(); // peg z: a single value (0.02), drawn to keep the vector's layout
            bx = random.uniform(-0.35f, -0.25f);
            by = random.uniform(0.4f, 0.7f);
            bz = random.uniform(-0.001f, 0.001f);
            if (FMath.norm2(px - bx, py - by) >= MIN_PEG_BOX_XY) {
                break;
            }
        }
        s.setObj(i, px, py, PEG_REST_Z);
        s.setFixture(i, bx, by, bz);
        s.setGoal(i, bx + GOAL_DX, by, bz + GOAL_DZ);
    }

    @Override
    public float pinchWidth(SimState s, int i) {
        return PEG.pinchWidth(s, i);
    }

    @Override
    public void interact(SimState s, int i, float targetGap, float dt) {
        int v = 3 * i;
        float bx = s.fixture[v];
        float by = s.fixture[v + 1];
        float bz = s.fixture[v + 2];
        // The fingers (9 cm tall) cannot enter the 6 cm tunnel: they meet the block as a solid.
        Contacts.handVsFixedBox(s, i, bx, by, bz + 0.1f, 0.1f, 0.1f, 0.1f);
        PEG.update(s, i, targetGap, dt);
        if (Math.abs(s.obj[v] - bx) >= PEG_HALF_LENGTH + 0.1f || Math.abs(s.obj[v + 1] - by) >= PEG_HALF_WIDTH + 0.1f) {
            return;
        }
        // The block's seven collision boxes: the tunnel's floor, sides and roof, the top plate and two side walls.
        pegOutOfBox(s, i, bx, by, bz + 0.195f, 0.1f, 0.09f, 0.005f);
        pegOutOfBox(s, i, bx, by, bz + 0.05f, 0.096f, 0.09f, 0.05f);
        pegOutOfBox(s, i, bx, by - 0.06f, bz + 0.13f, 0.096f, 0.03f, 0.03f);
        pegOutOfBox(s, i, bx, by + 0.06f, bz + 0.13f, 0.096f, 0.03f, 0.03f);
        pegOutOfBox(s, i, bx, by, bz + 0.175f, 0.096f, 0.09f, 0.015f);
        pegOutOfBox(s, i, bx, by + 0.095f, bz + 0.1f, 0.1f, 0.005f, 0.1f);
        pegOutOfBox(s, i, bx, by - 0.095f, bz + 0.1f, 0.1f, 0.005f, 0.1f);
    }

    /**
     * Moves the peg out of one fixed box along the axis of least penetration; a held peg takes
     * the hand with it, so the block stops the hand too.
     */
    private static void pegOutOfBox(SimState s, int i, float cx, float cy, float cz, float ex, float ey, float ez) {
        int v = 3 * i;
        float dx = s.obj[v] - cx;
        float dy = s.obj[v + 1] - cy;
        float dz = s.obj[v + 2] - cz;
        float ox = PEG_HALF_LENGTH + ex - Math.abs(dx);
        float oy = PEG_HALF_WIDTH + ey - Math.abs(dy);
        float oz = PEG_HALF_WIDTH + ez - Math.abs(dz);
        if (ox <= 0.0f || oy <= 0.0f || oz <= 0.0f) {
            return;
        }
        int k;
        float push;
        if (ox <= oy && ox <= oz) {
            k = 0;
            push = dx >= 0.0f ? ox : -ox;
        } else if (oy <= oz) {
            k = 1;
            push = dy >= 0.0f ? oy : -oy;
        } else {
            k = 2;
            push = dz >= 0.0f ? oz : -oz;
        }
        s.obj[v + k] += push;
        if (s.grasped[i] != 0) {
            s.hand[v + k] += push;
        }
    }

    /** obj1 is pegGrasp, the peg body + (0.03, 0, 0.01), with the peg's (unrotated) orientation. */
    @Override
    public void writeObjects(SimState s, int i, float[] obs, int off) {
        super.writeObjects(s, i, obs, off);
        obs[off] = s.obj[3 * i] + GRASP_DX;
        obs[off + 2] = s.obj[3 * i + 2] + GRASP_DZ;
    }

    /** ||(pegHead - goal) * (1, 2, 2)|| for a peg body at (x, y, z). */
    static float headToGoal(SimState s, int i, float x, float y, float z) {
        int v = 3 * i;
        return FMath.norm3(x + HEAD_DX - s.goal[v], 2.0f * (y - s.goal[v + 1]), 2.0f * (z - s.goal[v + 2]));
    }

    @Override
    public boolean isSuccess(SimState s, int i) {
        int v = 3 * i;
        return headToGoal(s, i, s.obj[v], s.obj[v + 1], s.obj[v + 2]) <= TARGET_RADIUS;
    }

    /**
     * Meta-World's rect_prism_tolerance of the head in the box spanned by corners zero and one:
     * inside it, the product of the head's per-axis fractions from zero toward one; outside, 1.
     */
    static float rectPrism(float px, float py, float pz, float zx, float zy, float zz, float ox, float oy, float oz) {
        boolean inside = between(px, zx, ox) && between(py, zy, oy) && between(pz, zz, oz);
        if (!inside) {
            return 1.0f;
        }
        return (px - zx) / (ox - zx) * ((py - zy) / (oy - zy)) * ((pz - zz) / (oz - zz));
    }

    private static boolean between(float a, float b, float c) {
        return c >= b ? b <= a && a <= c : c <= a && a <= b;
    }

    @Override
    public float shapedReward(SimState s, int i, float gripCommand) {
        int v = 3 * i;
        float bx = s.fixture[v];
        float by = s.fixture[v + 1];
        float bz = s.fixture[v + 2];
        float headX = s.obj[v] + HEAD_DX;
        float headY = s.obj[v + 1];
        float headZ = s.obj[v + 2];
        // Meta-World reads the head before placing the peg (so its margin never changes); we use
        // the head at the peg's sampled reset position, as obj_init_pos records it.
        float margin = headToGoal(s, i, s.obj0[v], s.obj0[v + 1], PEG_INIT_Z);
        float inPlace = Rewards.longTail(headToGoal(s, i, s.obj[v], headY, headZ), 0.0f, TARGET_RADIUS, margin);
        // The collision-box sites below and above the mouth, world offsets from the box.
        float below = rectPrism(headX, headY, headZ, bx + 0.11f, by + 0.1f, bz + 0.01f, bx + 0.15f, by - 0.1f, bz + 0.096f);
        float above = rectPrism(headX, headY, headZ, bx + 0.11f, by + 0.1f, bz + 0.16f, bx + 0.17f, by - 0.1f, bz + 0.19f);
        inPlace = Rewards.hamacher(inPlace, Rewards.hamacher(above, below));
        float graspX = s.obj[v] + GRASP_DX;
        float graspY = s.obj[v + 1];
        float graspZ = s.obj[v + 2] + GRASP_DZ;
        float grasp = Rewards.cagingHighDensity(s, i, graspX, graspY, graspZ, s.obj0[v], s.obj0[v + 1], PEG_INIT_Z,
                0.0075f, 0.03f, 0.005f, gripCommand);
        float tcpToGrasp = FMath.norm3(graspX - s.tcpX(i), graspY - s.tcpY(i), graspZ - s.tcpZ(i));
        boolean held = tcpToGrasp < 0.08f && Gripper.openness(s.gap[i]) > 0.0f && graspZ - 0.01f > PEG_INIT_Z;
        if (held) {
            grasp = 1.0f;
        }
        float reward = Rewards.hamacher(grasp, inPlace);
        if (held) {
            reward += 1.0f + 5.0f * inPlace;
        }
        return reward;
    }

    @Override
    public ExpertPolicy expert() {
        return new PegInsertSideExpert();
    }
}
