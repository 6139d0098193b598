package org.mtboard.engine.sim;

import java.util.Optional;

/**
 * Steps two vector envs over the same tasks, seed and actions and compares every output bit
 * for bit after each step: observations, rewards, success and done flags, and for each env that
 * ended an episode its final observation, return and success flag. Stops at the first difference.
 */
public final class SimParity {
    /** Where the two backends first differ. */
    public record Mismatch(int step, int env, String task, int envInTask, String field, float expected, float actual) {
        public String describe(String expectedName, String actualName) {
            return String.format("mismatch at step %d, env %d (%s, env %d of its block), %s: %s=%s (0x%08x) %s=%s (0x%08x)",
                    step, env, task, envInTask, field, expectedName, expected, Float.floatToRawIntBits(expected),
                    actualName, actual, Float.floatToRawIntBits(actual));
        }
    }

    /**
     * Result of a run: values compared, and the first mismatch if any. partialEndSteps counts the
     * steps on which some envs but not all ended an episode: there the finals of those alone are due.
     */
    public record Report(long valuesCompared, int stepsRun, int partialEndSteps, Optional<Mismatch> mismatch) {
    }

    private static final String[] FRAME_FIELDS = {
        "hand.x", "hand.y", "hand.z", "openness", "obj1.x", "obj1.y", "obj1.z", "obj1.qx", "obj1.qy", "obj1.qz", "obj1.qw",
        "obj2.x", "obj2.y", "obj2.z", "obj2.qx", "obj2.qy", "obj2.qz", "obj2.qw",
    };

    private SimParity() {
    }

    /** Every env starting its first episode at step 0. */
    public static Report run(VecEnv expected, VecEnv actual, int seed, int steps, boolean mixedPolicy) {
        return run(expected, actual, seed, steps, mixedPolicy, null);
    }

    /**
     * @param mixedPolicy false: uniform random actions for every env; true: even envs of each
     *                    block follow their task's scripted expert (grasps, doors, insertion),
     *                    odd ones random actions
     * @param firstSteps  null, or each env's first step, given to both envs' startEpisodesAt
     *                    after the reset so that episodes end on different steps
     */
    public static Report run(VecEnv expected, VecEnv actual, int seed, int steps, boolean mixedPolicy, int[] firstSteps) {
        TaskSet set = expected.taskSet();
        int n = set.numEnvs();
        ExpertPolicy[] experts = new ExpertPolicy[set.taskCount()];
        for (int t = 0; t < set.taskCount(); t++) {
            experts[t] = set.task(t).expert();
        }
        RandomPolicy random = new RandomPolicy(seed);
        float[] actions = new float[4 * n];
        expected.reset();
        actual.reset();
        // Each env's episode and step, for the random actions' keys; advanced by the expected env's dones.
        int[] episode = new int[n];
        int[] stepInEpisode = firstSteps == null ? new int[n] : firstSteps.clone();
        if (firstSteps != null) {
            expected.startEpisodesAt(firstSteps);
            actual.startEpisodesAt(firstSteps);
        }
        long[] compared = {0};
        int partialEndSteps = 0;
        Optional<Mismatch> first = compare(expected, actual, 0, compared);
        for (int step = 1; step <= steps && first.isEmpty(); step++) {
            for (int t = 0; t < set.taskCount(); t++) {
                for (int j = 0; j < set.envCount(t); j++) {
                    int i = set.firstEnv(t) + j;
                    if (mixedPolicy && j % 2 == 0) {
                        experts[t].act(expected.observations(), Observation.SIZE * i, actions, 4 * i);
                    } else {
                        random.act(set.task(t).id(), j, episode[i], stepInEpisode[i], actions, 4 * i);
                    }
                }
            }
            expected.step(actions);
            actual.step(actions);
            first = compare(expected, actual, step, compared);
            int ended = 0;
            for (int i = 0; i < n; i++) {
                if (expected.dones()[i] != 0) {
                    ended++;
                    episode[i]++;
                    stepInEpisode[i] = 0;
                } else {
                    stepInEpisode[i]++;
                }
            }
            if (ended > 0 && ended < n) {
                partialEndSteps++;
            }
        }
        int stepsRun = first.map(Mismatch::step).orElse(steps);
        return new Report(compared[0], stepsRun, partialEndSteps, first);
    }

    /** The finals of an env are compared where both say it ended an episode (dones are compared first). */
    private static Optional<Mismatch> compare(VecEnv a, VecEnv b, int step, long[] compared) {
        TaskSet set = a.taskSet();
        for (int i = 0; i < a.numEnvs(); i++) {
            Optional<Mismatch> m = compareRow(set, step, i, "observation", a.observations(), b.observations(), compared);
            if (m.isEmpty()) {
                m = compareValue(set, step, i, "reward", a.rewards()[i], b.rewards()[i], compared);
            }
            if (m.isEmpty()) {
                m = compareValue(set, step, i, "success", a.successes()[i], b.successes()[i], compared);
            }
            if (m.isEmpty()) {
                m = compareValue(set, step, i, "done", a.dones()[i], b.dones()[i], compared);
            }
            if (m.isEmpty() && a.dones()[i] != 0) {
                m = compareRow(set, step, i, "final observation", a.finalObservations(), b.finalObservations(), compared);
                if (m.isEmpty()) {
                    m = compareValue(set, step, i, "final return", a.finalReturns()[i], b.finalReturns()[i], compared);
                }
                if (m.isEmpty()) {
                    m = compareValue(set, step, i, "final success", a.finalSuccesses()[i], b.finalSuccesses()[i], compared);
                }
            }
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static Optional<Mismatch> compareRow(TaskSet set, int step, int i, String what, float[] a, float[] b, long[] compared) {
        int o = Observation.SIZE * i;
        for (int k = 0; k < Observation.SIZE; k++) {
            if (Float.floatToRawIntBits(a[o + k]) != Float.floatToRawIntBits(b[o + k])) {
                return compareValue(set, step, i, what + "[" + k + "] " + fieldName(k), a[o + k], b[o + k], compared);
            }
        }
        compared[0] += Observation.SIZE;
        return Optional.empty();
    }

    private static String fieldName(int k) {
        if (k < Observation.FRAME) {
            return FRAME_FIELDS[k];
        }
        if (k < Observation.GOAL) {
            return "previous " + FRAME_FIELDS[k - Observation.FRAME];
        }
        return "goal." + "xyz".charAt(k - Observation.GOAL);
    }

    private static Optional<Mismatch> compareValue(TaskSet set, int step, int i, String field, float a, float b, long[] compared) {
        compared[0]++;
        if (Float.floatToRawIntBits(a) == Float.floatToRawIntBits(b)) {
            return Optional.empty();
        }
        int t = set.taskOfEnv(i);
        return Optional.of(new Mismatch(step, i, set.task(t).id().metaWorldName(), i - set.firstEnv(t), field, a, b));
    }
}
