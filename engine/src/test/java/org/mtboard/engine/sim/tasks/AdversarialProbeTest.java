package org.mtboard.engine.sim.tasks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtboard.engine.sim.CpuVecEnv;
import org.mtboard.engine.sim.FMath;
import org.mtboard.engine.sim.Gripper;
import org.mtboard.engine.sim.Observation;
import org.mtboard.engine.sim.Scene;
import org.mtboard.engine.sim.SimState;
import org.mtboard.engine.sim.TaskId;
import org.mtboard.engine.sim.TaskSet;

/**
 * Policies that try to score by routes Meta-World's scene blocks: a peg held just outside the
 * hole, beside it, or pushed along the table into the block; a door pushed from behind or around
 * the hinge; a drawer pushed out from behind; a window slid from behind the glass; a puck pushed
 * into the wall or the table. Each runs many episodes and must never register a success, and the
 * mechanism or object must stay where the scene holds it.
 */
class AdversarialProbeTest {
    private static final int ENVS = 48;
    private static final int EPISODES = 2;
    private static final int STEPS = 150;

    /** A probe sees what a policy sees, plus the step within the episode to sequence its moves. */
    interface Probe {
        void act(float[] obs, int o, int step, int env, float[] act, int a);
    }

    /** Invariant checked after every step of env i. */
    interface Invariant {
        void check(SimState s, int i, int step);
    }

    /** Whether env i is where the probe meant to get (so a probe that goes nowhere cannot pass). */
    interface Reached {
        boolean test(SimState s, int i);
    }

    /** Most envs must reach the probe's position at least once. */
    private static final double MIN_REACHED = 0.75;

    private static void run(TaskId task, Probe probe, Invariant invariant, Reached reached) {
        run(task, probe, invariant, reached, false);
    }

    /** @param successPossible the probe's route may pass through the goal legitimately: check the invariant only */
    private static void run(TaskId task, Probe probe, Invariant invariant, Reached reached, boolean successPossible) {
        try (CpuVecEnv env = new CpuVecEnv(TaskSet.withCounts(List.of(task), new int[] {ENVS}), 17, 1)) {
            env.reset();
            SimState s = env.state();
            float[] actions = new float[4 * ENVS];
            boolean[] got = new boolean[ENVS];
            for (int k = 0; k < EPISODES * STEPS; k++) {
                for (int i = 0; i < ENVS; i++) {
                    probe.act(env.observations(), Observation.SIZE * i, s.step[i], i, actions, 4 * i);
                }
                env.step(actions);
                for (int i = 0; i < ENVS; i++) {
                    if (env.successes()[i] != 0 && !successPossible) {
                        fail(task + " probe succeeded: env " + i + " step " + k);
                    }
                    invariant.check(s, i, k);
                    got[i] |= reached.test(s, i);
                    if (i < 2 && k % 10 == 0 && System.getenv("PROBE_DEBUG") != null) {
                        System.out.printf("%s env %d k %d hand %.3f %.3f %.3f gap %.3f obj %.3f %.3f %.3f q %.3f fix %.3f %.3f %.3f grasped %d%n", task, i, k,
                            s.hand[3*i], s.hand[3*i+1], s.hand[3*i+2], s.gap[i], s.obj[3*i], s.obj[3*i+1], s.obj[3*i+2], s.joint[i], s.fixture[3*i], s.fixture[3*i+1], s.fixture[3*i+2], s.grasped[i]);
                    }
                }
            }
            int count = 0;
            for (boolean g : got) {
                count += g ? 1 : 0;
            }
            assertTrue(count >= MIN_REACHED * ENVS, task + " probe reached its position in only " + count + " of " + ENVS + " envs");
        }
    }

    private static float goal(float[] obs, int o, int axis) {
        return obs[o + Observation.GOAL + axis];
    }

    /** Fingers open for even envs, closed for odd ones: both pad spreads meet the scene. */
    private static float grip(int env) {
        return env % 2 == 0 ? ExpertMoves.OPEN : ExpertMoves.CLOSE;
    }

    private static void move(float[] obs, int o, float x, float y, float z, float grip, float[] act, int a) {
        ExpertMoves.moveTcp(obs, o, x, y, z, grip, act, a);
    }

    // ---- peg-insert-side ---------------------------------------------------------------------

    /**
     * Grasps the peg like the expert, lines it up in front of the block, then holds its grasp point
     * where the head sits at (goal_x + headDx, goal_y + dy, goal_z + dz), with a few millimetres of
     * jitter.
     */
    private static Probe pegHeld(float headDx, float dy, float dz) {
        float heldOpenness = Gripper.openness(2.0f * PegInsertSideTask.PEG_HALF_WIDTH);
        float graspFromHead = PegInsertSideTask.GRASP_DX - PegInsertSideTask.HEAD_DX;
        float graspAboveTcp = PegInsertSideTask.PEG_REST_Z + PegInsertSideTask.GRASP_DZ
                - (Gripper.HAND_LOW_Z - Gripper.TCP_OFFSET);
        return (obs, o, step, env, act, a) -> {
            float gx = ExpertMoves.obj(obs, o, 0);
            float gy = ExpertMoves.obj(obs, o, 1);
            float gz = ExpertMoves.obj(obs, o, 2);
            if (!ExpertMoves.pickUp(obs, o, gx, gy, gz - graspAboveTcp, heldOpenness, act, a)) {
                return;
            }
            float jitter = 0.004f * FMath.sin(0.7f * step + env);
            float wantY = goal(obs, o, 1) + dy + 0.5f * jitter;
            float wantZ = goal(obs, o, 2) + dz + PegInsertSideTask.GRASP_DZ - 0.5f * jitter;
            // Line up 20 cm in front of the mouth first, so the peg only ever comes at the block along -x.
            boolean linedUp = Math.abs(gy - wantY) < 0.006f && Math.abs(gz - wantZ) < 0.006f;
            float wantX = goal(obs, o, 0) + (linedUp ? headDx + jitter : 0.066f + 0.2f) + graspFromHead;
            move(obs, o, ExpertMoves.tcpX(obs, o) + wantX - gx, ExpertMoves.tcpY(obs, o) + wantY - gy,
                    ExpertMoves.tcpZ(obs, o) + wantZ - gz, ExpertMoves.CLOSE, act, a);
        };
    }

    /** Where the peg is in front of the block (overlapping it in y), its tip (head - 0.02) stays at or before the face. */
    private static Invariant pegTipOutside() {
        return (s, i, step) -> {
            int v = 3 * i;
            if (Math.abs(s.obj[v + 1] - s.fixture[v + 1]) >= 0.1f + PegInsertSideTask.PEG_HALF_WIDTH) {
                return;
            }
            float tip = s.obj[v] + PegInsertSideTask.HEAD_DX - 0.02f;
            float face = s.fixture[v] + PegInsertSideTask.HOLE_DX;
            assertTrue(tip >= face - 1e-4f, "peg tip " + tip + " went into the block (face " + face + ") at step " + step);
        };
    }

    /** The peg is held with its tip within 4 mm of tipGap in front of the face, at (dy, dz) off the tunnel's axis. */
    private static Reached pegAt(float tipGap, float dy, float dz) {
        return (s, i) -> {
            int v = 3 * i;
            float tip = s.obj[v] + PegInsertSideTask.HEAD_DX - 0.02f;
            float face = s.fixture[v] + PegInsertSideTask.HOLE_DX;
            return Math.abs(tip - face - tipGap) < 0.004f && Math.abs(s.obj[v + 1] - s.fixture[v + 1] - dy) < 0.008f
                    && Math.abs(s.obj[v + 2] - s.goal[v + 2] - dz) < 0.008f;
        };
    }

    @Test
    void pegHoveringJustOutsideTheHoleNeverSucceeds() {
        // Mouth = goal + 0.066; head 3 cm beyond it puts the tip 1 cm outside.
        run(TaskId.PEG_INSERT_SIDE, pegHeld(0.066f + 0.03f, 0.0f, 0.0f), pegTipOutside(), pegAt(0.01f, 0.0f, 0.0f));
    }

    @Test
    void pegPushedBesideOrAboveTheHoleIsStoppedByTheBlock() {
        run(TaskId.PEG_INSERT_SIDE, pegHeld(-0.05f, 0.05f, 0.0f), pegTipOutside(), pegAt(0.0f, 0.05f, 0.0f));
        run(TaskId.PEG_INSERT_SIDE, pegHeld(-0.05f, 0.0f, 0.05f), pegTipOutside(), pegAt(0.0f, 0.0f, 0.05f));
    }

    /** Carries the peg along the table top (2 mm above it) into the block's base, below the tunnel. */
    @Test
    void pegPushedAlongTheTableIsStoppedByTheBlock() {
        float tableDz = PegInsertSideTask.PEG_REST_Z + 0.002f - PegInsertSideTask.GOAL_DZ;
        run(TaskId.PEG_INSERT_SIDE, pegHeld(-0.05f, 0.0f, tableDz), pegTipOutside(), pegAt(0.0f, 0.0f, tableDz));
    }

    // ---- door-open ---------------------------------------------------------------------------

    /** The door's root from the observed goal (root + (-0.3, -0.45, 0)). */
    private static float doorRoot(float[] obs, int o, int axis) {
        float[] offset = {DoorOpenTask.GOAL_DX, DoorOpenTask.GOAL_DY, 0.0f};
        return goal(obs, o, axis) - offset[axis];
    }

    private static Invariant doorStaysShut() {
        return (s, i, step) -> assertTrue(s.joint[i] > -0.05f, "door opened to q = " + s.joint[i] + " at step " + step);
    }

    /**
     * Comes round the safe's -x side and pushes toward the panel's back (0), comes down onto the
     * safe from above over the panel's back and pushes toward the robot (1), or slides into the
     * 3 mm between the hinge and the safe's side wall (2).
     */
    @ParameterizedTest(name = "route {0}")
    @ValueSource(ints = {0, 1, 2})
    void doorPushedFromBehindStaysShut(int route) {
        run(TaskId.DOOR_OPEN, (obs, o, step, env, act, a) -> {
            float rx = doorRoot(obs, o, 0);
            float ry = doorRoot(obs, o, 1);
            float z = doorRoot(obs, o, 2);
            float hinge = rx + DoorOpenTask.HINGE_DX;
            float g = grip(env);
            switch (route) {
                case 0 -> {
                    if (step < 40) {
                        move(obs, o, rx - 0.3f, ry - 0.3f, z, g, act, a);
                    } else if (step < 80) {
                        move(obs, o, rx - 0.3f, ry + 0.05f, z, g, act, a);
                    } else {
                        move(obs, o, rx + 0.1f, ry + 0.05f - 0.002f * (step - 80), z, g, act, a);
                    }
                }
                case 1 -> {
                    if (step < 50) {
                        move(obs, o, rx + 0.05f, ry + 0.02f, 0.45f, g, act, a);
                    } else if (step < 100) {
                        move(obs, o, rx + 0.05f, ry + 0.02f, z, g, act, a);
                    } else {
                        move(obs, o, rx + 0.05f, ry - 0.3f, z - 0.1f, g, act, a);
                    }
                }
                default -> {
                    if (step < 60) {
                        move(obs, o, hinge - 0.01f, ry - 0.3f, z, g, act, a);
                    } else {
                        move(obs, o, hinge - 0.01f, ry + 0.1f, z, g, act, a);
                    }
                }
            }
        }, doorStaysShut(), (s, i) -> {
            // The hand was stopped by the safe: a pad touches the wall, top or hinge gap it was sent into.
            int v = 3 * i;
            float rx = s.fixture[v];
            float ry = s.fixture[v + 1];
            float padReachY = 0.5f * s.gap[i] + Gripper.PAD_THICKNESS;
            float tcpZ = s.hand[v + 2] - Gripper.TCP_OFFSET;
            return switch (route) {
                case 0 -> s.hand[v] + Gripper.PAD_HALF_X > rx - 0.2205f && Math.abs(s.hand[v + 1] - ry) < 0.1f;
                case 1 -> Math.abs(tcpZ - (s.fixture[v + 2] + 0.15f)) < 0.002f && Math.abs(s.hand[v + 1] - ry) < 0.1f;
                default -> Math.abs(s.hand[v + 1] + padReachY - (ry - 0.106f)) < 0.002f;
            };
        });
    }

    // ---- drawer-open -------------------------------------------------------------------------

    /** The drawer's root from drawer-open's goal (root + (0, -0.36, 0.09)). */
    private static float drawerRoot(float[] obs, int o, int axis) {
        float[] offset = {0.0f, DrawerTask.HANDLE_OBS_DY - DrawerOpenTask.MAX_DIST, DrawerTask.LINK_Z};
        return goal(obs, o, axis) - offset[axis];
    }

    /**
     * Goes behind the cabinet high up, comes down behind it (1) or onto its top (0), and pushes
     * toward the robot as far as the cabinet's middle.
     */
    @ParameterizedTest(name = "route {0}")
    @ValueSource(ints = {0, 1})
    void drawerPushedFromBehindStaysShut(int route) {
        run(TaskId.DRAWER_OPEN, (obs, o, step, env, act, a) -> {
            float rx = drawerRoot(obs, o, 0);
            float ry = drawerRoot(obs, o, 1);
            float g = grip(env);
            float behindY = route == 0 ? ry + 0.02f : ry + 0.1f;
            if (step < 50) {
                move(obs, o, rx, behindY, 0.4f, g, act, a);
            } else if (step < 100) {
                move(obs, o, rx, behindY, 0.02f, g, act, a);
            } else {
                move(obs, o, rx + 0.03f * FMath.sin(0.3f * step), ry - 0.05f, 0.02f, g, act, a);
            }
        }, (s, i, step) -> assertTrue(s.joint[i] > -0.01f, "drawer moved to q = " + s.joint[i] + " at step " + step),
                // Resting on the cabinet: the case top (0.168) or its back wall (0.152) holds the pads up.
                (s, i) -> {
                    float tcpZ = s.hand[3 * i + 2] - Gripper.TCP_OFFSET;
                    return tcpZ > 0.15f && tcpZ < 0.17f && s.step[i] > 100;
                });
    }

    // ---- windows ------------------------------------------------------------------------------

    /** Reaches round the frame's -x post to behind the glass and sweeps along x there. */
    @ParameterizedTest(name = "window-{0}")
    @ValueSource(strings = {"open", "close"})
    void windowSlidFromBehindDoesNotMove(String which) {
        boolean opening = which.equals("open");
        TaskId task = opening ? TaskId.WINDOW_OPEN : TaskId.WINDOW_CLOSE;
        float startQ = opening ? WindowTask.Q_MIN : WindowTask.Q_MAX;
        run(task, (obs, o, step, env, act, a) -> {
            float wx = goal(obs, o, 0) - (opening ? WindowTask.Q_MAX : 0.0f);
            float wy = goal(obs, o, 1);
            float wz = goal(obs, o, 2);
            float g = grip(env);
            // Behind the glass by 0.1: open fingers then clear the frame's posts (y +-0.03).
            if (step < 50) {
                move(obs, o, wx - 0.3f, wy - 0.2f, wz, g, act, a);
            } else if (step < 90) {
                move(obs, o, wx - 0.3f, wy + 0.1f, wz, g, act, a);
            } else {
                move(obs, o, opening ? wx + 0.3f : wx - 0.1f + 0.004f * (150 - step), wy + 0.1f, wz, g, act, a);
            }
        }, (s, i, step) -> assertTrue(Math.abs(s.joint[i] - startQ) < 1e-6f, "window moved to q = " + s.joint[i]),
                // Behind the glass, within the frame's posts.
                (s, i) -> s.hand[3 * i + 1] > s.fixture[3 * i + 1] + 0.05f && Math.abs(s.hand[3 * i] - s.fixture[3 * i]) < 0.19f);
    }

    // ---- button-press-topdown ----------------------------------------------------------------

    /**
     * Open fingers (inner faces 0.044 from the tcp) centred over the cap (radius 0.043) pass
     * beside it and land on the housing, as in Meta-World: pressing down that way never succeeds.
     */
    @Test
    void buttonPressedWithOpenFingersLandsOnTheHousing() {
        run(TaskId.BUTTON_PRESS_TOPDOWN, (obs, o, step, env, act, a) -> {
            float bx = ExpertMoves.obj(obs, o, 0);
            float by = ExpertMoves.obj(obs, o, 1);
            boolean above = ExpertMoves.distXy(ExpertMoves.tcpX(obs, o), ExpertMoves.tcpY(obs, o), bx, by) <= 0.005f;
            move(obs, o, bx, by, above ? 0.0f : 0.4f, ExpertMoves.OPEN, act, a);
        }, (s, i, step) -> assertTrue(s.joint[i] > -0.001f, "button pressed to q = " + s.joint[i]),
                // The pads rest on the housing's top (box + 0.09 = 0.205).
                (s, i) -> Math.abs(s.hand[3 * i + 2] - Gripper.TCP_OFFSET - 0.205f) < 0.002f);
    }

    // ---- the table and its walls -------------------------------------------------------------------

    /** Grasps the puck and drags it low into the back wall, then presses it into the table. */
    @Test
    void puckStaysOnTheTableInsideTheWalls() {
        float heldOpenness = Gripper.openness(2.0f * PuckTask.PUCK_RADIUS);
        Invariant inside = (s, i, step) -> {
            int v = 3 * i;
            assertTrue(s.obj[v + 1] <= Scene.WALL_BACK_Y - PuckTask.PUCK_RADIUS + 1e-6f, "puck through the back wall: y " + s.obj[v + 1]);
            assertTrue(s.obj[v + 2] >= PuckTask.OBJ_Z - 1e-6f, "puck into the table: z " + s.obj[v + 2]);
        };
        Probe drag = (obs, o, step, env, act, a) -> {
            float px = ExpertMoves.obj(obs, o, 0);
            float py = ExpertMoves.obj(obs, o, 1);
            float pz = ExpertMoves.obj(obs, o, 2);
            if (step < 110 && ExpertMoves.pickUp(obs, o, px, py, pz - 0.015f, heldOpenness, act, a)) {
                move(obs, o, px, 1.0f, 0.0f, ExpertMoves.CLOSE, act, a);
            } else if (step >= 110) {
                move(obs, o, px, py, -0.1f, ExpertMoves.OPEN, act, a);
            }
        };
        // The pads meet the wall first, so the held puck ends within a centimetre of it.
        Reached atTheWall = (s, i) -> s.obj[3 * i + 1] > Scene.WALL_BACK_Y - PuckTask.PUCK_RADIUS - 0.01f;
        for (TaskId task : List.of(TaskId.PUSH, TaskId.PICK_PLACE, TaskId.REACH)) {
            // Dragging the puck toward the wall can carry it through the goal: only the walls and table are checked.
            run(task, drag, inside, atTheWall, true);
        }
    }
}
