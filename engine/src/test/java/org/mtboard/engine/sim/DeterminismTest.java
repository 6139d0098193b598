package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same streams: across runs, thread counts and batch compositions. */
class DeterminismTest {
    private static final int STEPS = 320; // crosses two automatic resets

    @Test
    void sameSeedGivesBitIdenticalStreamsAcrossRuns() {
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 64);
        assertEquals(Rollouts.digest(set, 5, 2, STEPS), Rollouts.digest(set, 5, 2, STEPS));
        assertNotEquals(Rollouts.digest(set, 5, 2, STEPS), Rollouts.digest(set, 6, 2, STEPS));
    }

    @Test
    void threadCountDoesNotChangeTheStreams() {
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 67);
        long oneThread = Rollouts.digest(set, 9, 1, STEPS);
        assertEquals(oneThread, Rollouts.digest(set, 9, Runtime.getRuntime().availableProcessors(), STEPS));
        assertEquals(oneThread, Rollouts.digest(set, 9, 3, STEPS));
    }

    /** Env j of a task sees the same stream whether it shares the batch with other tasks or not. */
    @Test
    void otherTasksInTheBatchDoNotChangeAnEnvsStream() {
        for (TaskId task : Suites.MT10) {
            List<TaskId> reversedMix = new ArrayList<>(Suites.MT10);
            java.util.Collections.reverse(reversedMix);
            TaskSet alone = TaskSet.withCounts(List.of(task), new int[] {4});
            TaskSet mixed = TaskSet.evenSplit(Suites.MT10, 53);
            TaskSet reversed = TaskSet.evenSplit(reversedMix, 97);
            float[][] expected = rows(alone, 0, 4);
            assertRowsEqual(expected, rows(mixed, Suites.MT10.indexOf(task), 4), task + " in MT10");
            assertRowsEqual(expected, rows(reversed, reversedMix.indexOf(task), 4), task + " in reversed MT10");
        }
    }

    /** Observation and reward rows of the first n envs of block t, for every step, concatenated. */
    private static float[][] rows(TaskSet set, int t, int n) {
        float[][] rows = new float[n][(Observation.SIZE + 1) * STEPS];
        int[] step = {0};
        try (CpuVecEnv env = new CpuVecEnv(set, 3, 2)) {
            Rollouts.run(env, 3, STEPS, e -> {
                for (int j = 0; j < n; j++) {
                    int i = set.firstEnv(t) + j;
                    int off = (Observation.SIZE + 1) * step[0];
                    System.arraycopy(e.observations(), Observation.SIZE * i, rows[j], off, Observation.SIZE);
                    rows[j][off + Observation.SIZE] = e.rewards()[i];
                }
                step[0]++;
            });
        }
        return rows;
    }

    private static void assertRowsEqual(float[][] expected, float[][] actual, String what) {
        for (int j = 0; j < expected.length; j++) {
            for (int k = 0; k < expected[j].length; k++) {
                if (Float.floatToRawIntBits(expected[j][k]) != Float.floatToRawIntBits(actual[j][k])) {
                    int step = k / (Observation.SIZE + 1);
                    int field = k % (Observation.SIZE + 1);
                    throw new AssertionError(what + ": env " + j + " differs at step " + step + ", field " + field
                            + ": " + expected[j][k] + " vs " + actual[j][k]);
                }
            }
        }
    }
}
