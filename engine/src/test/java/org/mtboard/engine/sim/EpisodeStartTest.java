package org.mtboard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Staggered first episodes: env i's first episode lasts 150 - firstSteps[i] steps, later ones 150. */
class EpisodeStartTest {
    @Test
    void firstEpisodeEndsAfterTheRemainingStepsAndLaterOnesLastWhole() {
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 20);
        int[] first = new int[20];
        for (int i = 0; i < 20; i++) {
            first[i] = (i * 37) % 150;
        }
        first[3] = 149;
        try (CpuVecEnv env = new CpuVecEnv(set, 5, 2)) {
            env.reset();
            env.startEpisodesAt(first);
            int[] firstDone = new int[20];
            int[] secondDone = new int[20];
            float[] actions = new float[4 * 20];
            for (int t = 1; t <= 300; t++) {
                env.step(actions);
                for (int i = 0; i < 20; i++) {
                    if (env.dones()[i] != 0) {
                        if (firstDone[i] == 0) {
                            firstDone[i] = t;
                        } else if (secondDone[i] == 0) {
                            secondDone[i] = t;
                        }
                    }
                }
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(150 - first[i], firstDone[i], "env " + i + " first episode");
                assertEquals(150, secondDone[i] - firstDone[i], "env " + i + " second episode");
            }
            assertTrue(firstDone[3] == 1, "an env started at step 149 ends on its first step");
        }
    }

    @Test
    void rejectsStepsOutsideAnEpisodeAndWrongLengths() {
        TaskSet set = TaskSet.evenSplit(Suites.MT10, 10);
        try (CpuVecEnv env = new CpuVecEnv(set, 5, 1)) {
            env.reset();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.startEpisodesAt(new int[] {0, 0, 0, 150, 0, 0, 0, 0, 0, 0}));
            assertTrue(e.getMessage().contains("firstSteps[3] must be in [0, 150)"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> env.startEpisodesAt(new int[9]));
        }
    }
}
