package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every MT10 task must honour (TASKS.md): reset ranges and rejection rules, the success
 * threshold, rewards in [0, 10] with 10 exactly on success steps, and the observation layout.
 */
class TaskContractTest {
    private static final float EPS = 1e-4f;
    private static final float TIGHT = 1e-5f;

    static Stream<TaskId> mt10() {
        return Suites.MT10.stream();
    }

    private static CpuVecEnv resetAlone(TaskId task, int envs, int seed) {
        CpuVecEnv env = new CpuVecEnv(TaskSet.withCounts(List.of(task), new int[] {envs}), seed, 2);
        env.reset();
        return env;
    }

    private static void assertIn(float value, float lo, float hi, String what) {
        assertTrue(value >= lo - EPS && value <= hi + EPS, what + " = " + value + " outside [" + lo + ", " + hi + "]");
    }

    private static void assertNear(float expected, float actual, String what) {
        assertEquals(expected, actual, EPS, what);
    }

    @ParameterizedTest
    @MethodSource("mt10")
    void resetRespectsTheTaskRanges(TaskId task) {
        try (CpuVecEnv env = resetAlone(task, 500, 11)) {
            float[] obs = env.observations();
            SimState s = env.state();
            for (int i = 0; i < env.numEnvs(); i++) {
                int o = Observation.SIZE * i;
                float ox = obs[o + 4];
                float oy = obs[o + 5];
                float oz = obs[o + 6];
                float gx = obs[o + 36];
                float gy = obs[o + 37];
                float gz = obs[o + 38];
                float fx = s.fixture[3 * i];
                float fy = s.fixture[3 * i + 1];
                float fz = s.fixture[3 * i + 2];
                switch (task) {
                    case REACH, PICK_PLACE -> {
                        assertPuck(ox, oy, oz);
                        assertIn(gx, -0.1f, 0.1f, "goal x");
                        assertIn(gy, 0.8f, 0.9f, "goal y");
                        assertIn(gz, 0.05f, 0.3f, "goal z");
                        assertTrue(FMath.norm2(ox - gx, oy - gy) >= 0.15f, "object-goal xy distance");
                    }
                    case PUSH -> {
                        assertPuck(ox, oy, oz);
                        assertIn(gx, -0.1f, 0.1f, "goal x");
                        assertIn(gy, 0.8f, 0.9f, "goal y");
                        assertNear(oz, gz, "goal z = object z");
                        assertTrue(FMath.norm2(ox - gx, oy - gy) >= 0.15f, "object-goal xy distance");
                    }
                    case DOOR_OPEN -> {
                        assertIn(fx, 0.0f, 0.1f, "door x");
                        assertIn(fy, 0.85f, 0.95f, "door y");
                        assertNear(0.15f, fz, "door z");
                        assertNear(fx - 0.3f, gx, "goal x");
                        assertNear(fy - 0.45f, gy, "goal y");
                        assertNear(0.0f, s.joint[i], "door starts closed");
                    }
                    case DRAWER_OPEN, DRAWER_CLOSE -> {
                        assertIn(fx, -0.1f, 0.1f, "drawer x");
                        assertNear(0.9f, fy, "drawer y");
                        boolean open = task == TaskId.DRAWER_OPEN;
                        // drawer_link + (0, -0.16, 0 or 0.05), the link at root + (0, -0.01 + q, 0.09).
                        assertNear(fy - 0.17f + (open ? 0.0f : -0.15f), oy, "observed handle y");
                        assertNear(open ? 0.09f : 0.14f, oz, "observed handle z");
                        assertNear(fx, ox, "observed handle x");
                        assertNear(open ? fy - 0.36f : fy - 0.16f, gy, "goal y");
                        assertNear(0.09f, gz, "goal z");
                        assertNear(fx, gx, "goal x");
                    }
                    case BUTTON_PRESS_TOPDOWN -> {
                        assertIn(fx, -0.1f, 0.1f, "box x");
                        assertIn(fy, 0.8f, 0.9f, "box y");
                        assertNear(0.115f, fz, "box z");
                        assertNear(fz + 0.1f, gz, "goal z");
                        assertNear(fz + 0.193f, oz, "cap top z");
                        assertNear(0.4f, obs[o + 1], "hand start y");
                    }
                    case PEG_INSERT_SIDE -> {
                        // obj1 is pegGrasp = peg body + (0.03, 0, 0.01); the peg rests at z 0.015.
                        assertIn(ox - 0.03f, 0.0f, 0.2f, "peg x");
                        assertIn(oy, 0.5f, 0.7f, "peg y");
                        assertNear(0.025f, oz, "peg grasp z");
                        assertIn(fx, -0.35f, -0.25f, "box x");
                        assertIn(fy, 0.4f, 0.7f, "box y");
                        assertIn(fz, -0.001f, 0.001f, "box z");
                        assertNear(fx + 0.03f, gx, "goal x");
                        assertNear(fy, gy, "goal y");
                        assertNear(fz + 0.13f, gz, "goal z");
                        assertTrue(FMath.norm2(ox - 0.03f - fx, oy - fy) >= 0.1f, "peg-box xy distance");
                    }
                    case WINDOW_OPEN -> {
                        assertIn(fx, -0.1f, 0.1f, "window x");
                        assertIn(fy, 0.7f, 0.9f, "window y");
                        assertNear(0.16f, fz, "window z");
                        // handleOpenStart = window + (q - 0.04, -0.095, 0), q = 0.
                        assertNear(fx - 0.04f, ox, "handle site x");
                        assertNear(fy - 0.095f, oy, "handle site y");
                        assertNear(fz, oz, "handle site z");
                        assertNear(fx + 0.2f, gx, "goal x");
                    }
                    case WINDOW_CLOSE -> {
                        assertNear(0.0f, fx, "window x");
                        assertIn(fy, 0.75f, 0.9f, "window y");
                        assertNear(0.2f, fz, "window z");
                        // handleCloseStart = window + (q + 0.01, -0.095, 0), q = 0.2.
                        assertNear(fx + 0.21f, ox, "handle site starts open");
                        assertNear(fy - 0.095f, oy, "handle site y");
                        assertNear(fx, gx, "goal x");
                    }
                    default -> throw new AssertionError("no range check for " + task);
                }
            }
        }
    }

    private static void assertPuck(float ox, float oy, float oz) {
        assertIn(ox, -0.1f, 0.1f, "puck x");
        assertIn(oy, 0.6f, 0.7f, "puck y");
        assertNear(0.02f, oz, "puck z");
    }

    /**
     * Places env 0 at distance threshold - TIGHT and threshold + TIGHT from success along the
     * task's success metric and checks the flag flips exactly there.
     */
    @ParameterizedTest
    @MethodSource("mt10")
    void successFlipsExactlyAtTheThreshold(TaskId task) {
        try (CpuVecEnv env = resetAlone(task, 1, 4)) {
            Task t = env.taskSet().task(0);
            SimState s = env.state();
            float threshold = switch (task) {
                case REACH, PUSH, WINDOW_OPEN, WINDOW_CLOSE -> 0.05f;
                case PICK_PLACE, PEG_INSERT_SIDE -> 0.07f;
                case DOOR_OPEN -> 0.08f;
                case DRAWER_OPEN -> 0.03f;
                case DRAWER_CLOSE -> 0.065f;
                case BUTTON_PRESS_TOPDOWN -> 0.02f;
                default -> throw new AssertionError("no threshold for " + task);
            };
            place(task, s, threshold - TIGHT);
            assertTrue(t.isSuccess(s, 0), task + " should succeed just inside " + threshold);
            place(task, s, threshold + TIGHT);
            assertFalse(t.isSuccess(s, 0), task + " should fail just outside " + threshold);
        }
    }

    /** Puts env 0's success metric at distance d from its goal. */
    private static void place(TaskId task, SimState s, float d) {
        float gx = s.goal[0];
        float gy = s.goal[1];
        float gz = s.goal[2];
        switch (task) {
            case REACH -> s.hand[0] = gx + d;
            case PUSH, PICK_PLACE -> s.setObj(0, gx, gy + d, gz);
            case DOOR_OPEN, WINDOW_OPEN, WINDOW_CLOSE -> s.setObj(0, gx + d, s.obj[1], s.obj[2]);
            case DRAWER_OPEN, DRAWER_CLOSE -> s.setObj(0, gx, gy - d, gz);
            case BUTTON_PRESS_TOPDOWN -> s.setObj(0, gx, gy, gz + d);
            // Success scales y and z by 2: a y offset of d/2 counts as d.
            case PEG_INSERT_SIDE -> s.setObj(0, gx + 0.1f, gy + 0.5f * d, gz);
            default -> throw new AssertionError("cannot place " + task);
        }
        if (task == TaskId.REACH) {
            s.hand[1] = gy;
            s.hand[2] = gz + Gripper.TCP_OFFSET;
        }
    }

    @ParameterizedTest
    @MethodSource("mt10")
    void rewardStaysInZeroToTenAndIsTenOnSuccess(TaskId task) {
        try (CpuVecEnv env = new CpuVecEnv(TaskSet.withCounts(List.of(task), new int[] {40}), 8, 2)) {
            Rollouts.run(env, 8, 320, e -> {
                for (int i = 0; i < e.numEnvs(); i++) {
                    float r = e.rewards()[i];
                    assertTrue(Float.isFinite(r) && r >= 0.0f && r <= 10.0f, task + " reward " + r);
                    if (e.successes()[i] != 0) {
                        assertEquals(10.0f, r, task + " success step reward");
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("mt10")
    void observationLayout(TaskId task) {
        try (CpuVecEnv env = resetAlone(task, 8, 2)) {
            SimState s = env.state();
            float[] obs = env.observations();
            for (int i = 0; i < env.numEnvs(); i++) {
                int o = Observation.SIZE * i;
                for (int k = 0; k < Observation.FRAME; k++) {
                    assertEquals(obs[o + k], obs[o + Observation.PREVIOUS + k], "previous frame equals current at reset, slot " + k);
                }
                for (int k = Observation.OBJ2_POS; k < Observation.FRAME; k++) {
                    assertEquals(0.0f, obs[o + k], "second-object slot " + k + " is zero");
                    assertEquals(0.0f, obs[o + Observation.PREVIOUS + k], "previous second-object slot " + k + " is zero");
                }
                assertEquals(1.0f, obs[o + Observation.OPENNESS], "fingers open at reset");
                float qx = obs[o + 7];
                float qy = obs[o + 8];
                float qz = obs[o + 9];
                float qw = obs[o + 10];
                // Meta-World reports np.zeros(4) for these three; every other task a unit quaternion.
                boolean zeroQuat = task == TaskId.DRAWER_CLOSE || task == TaskId.WINDOW_OPEN || task == TaskId.WINDOW_CLOSE;
                assertEquals(zeroQuat ? 0.0f : 1.0f, qx * qx + qy * qy + qz * qz + qw * qw, 1e-5f, "quaternion norm");
                for (int k = 0; k < 3; k++) {
                    assertEquals(s.goal[3 * i + k], obs[o + Observation.GOAL + k], "goal slot " + k);
                    assertEquals(s.hand[3 * i + k], obs[o + k], "hand slot " + k);
                }
            }
            float[] before = obs.clone();
            float[] actions = new float[4 * env.numEnvs()];
            java.util.Arrays.fill(actions, 0.5f);
            env.step(actions);
            for (int i = 0; i < env.numEnvs(); i++) {
                int o = Observation.SIZE * i;
                for (int k = 0; k < Observation.FRAME; k++) {
                    assertEquals(before[o + k], obs[o + Observation.PREVIOUS + k], "previous frame after a step, slot " + k);
                }
                assertTrue(obs[o] != before[o], "hand moved");
            }
        }
    }
}
