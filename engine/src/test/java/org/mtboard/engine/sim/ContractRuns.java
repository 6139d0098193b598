package org.mtboard.engine.sim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs of any {@link VecEnv} for the backend contract tests: staggered starts, a policy that a
 * resumed env can continue exactly, step-by-step traces of every output the contract specifies,
 * and saved states as bytes.
 */
public final class ContractRuns {
    /** Per env and step: observation, reward, success, done, then final observation, return, success. */
    private static final int ROW = 2 * Observation.SIZE + 5;
    private static final String[] TAIL_FIELDS = {"reward", "success", "done"};

    private ContractRuns() {
    }

    /** Seeded first steps in [0, 150), with 0 and 149 among them so both edges are exercised. */
    public static int[] staggeredFirstSteps(int numEnvs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] first = new int[numEnvs];
        for (int i = 0; i < numEnvs; i++) {
            first[i] = random.nextInt(VecEnv.EPISODE_LENGTH);
        }
        first[0] = 0;
        first[numEnvs - 1] = VecEnv.EPISODE_LENGTH - 1;
        return first;
    }

    public static void start(VecEnv env, int[] firstSteps) {
        env.reset();
        env.startEpisodesAt(firstSteps);
    }

    /**
     * Steps the env {@code steps} times, numbering them from {@code fromStep}, and returns each
     * step's outputs as raw bits; the finals of an env are kept where it is done and zero
     * elsewhere (where the contract leaves them unspecified). The actions depend on the
     * observations and the step number only, so an env resumed at step k continues exactly as the
     * uninterrupted one: even envs of each block follow their task's expert, odd ones take
     * random actions keyed by the step number.
     */
    public static List<int[]> trace(VecEnv env, int seed, int fromStep, int steps) {
        TaskSet set = env.taskSet();
        ExpertPolicy[] experts = new ExpertPolicy[set.taskCount()];
        for (int t = 0; t < set.taskCount(); t++) {
            experts[t] = set.task(t).expert();
        }
        RandomPolicy random = new RandomPolicy(seed);
        float[] actions = new float[4 * env.numEnvs()];
        List<int[]> rows = new ArrayList<>();
        for (int k = fromStep; k < fromStep + steps; k++) {
            for (int t = 0; t < set.taskCount(); t++) {
                for (int j = 0; j < set.envCount(t); j++) {
                    int i = set.firstEnv(t) + j;
                    if (j % 2 == 0) {
                        experts[t].act(env.observations(), Observation.SIZE * i, actions, 4 * i);
                    } else {
                        random.act(set.task(t).id(), j, 0, k, actions, 4 * i);
                    }
                }
            }
            env.step(actions);
            rows.add(outputs(env));
        }
        return rows;
    }

    private static int[] outputs(VecEnv env) {
        int[] row = new int[ROW * env.numEnvs()];
        for (int i = 0; i < env.numEnvs(); i++) {
            int o = ROW * i;
            for (int k = 0; k < Observation.SIZE; k++) {
                row[o + k] = Float.floatToRawIntBits(env.observations()[Observation.SIZE * i + k]);
            }
            row[o + Observation.SIZE] = Float.floatToRawIntBits(env.rewards()[i]);
            row[o + Observation.SIZE + 1] = env.successes()[i];
            row[o + Observation.SIZE + 2] = env.dones()[i];
            if (env.dones()[i] != 0) {
                int f = o + Observation.SIZE + 3;
                for (int k = 0; k < Observation.SIZE; k++) {
                    row[f + k] = Float.floatToRawIntBits(env.finalObservations()[Observation.SIZE * i + k]);
                }
                row[f + Observation.SIZE] = Float.floatToRawIntBits(env.finalReturns()[i]);
                row[f + Observation.SIZE + 1] = env.finalSuccesses()[i];
            }
        }
        return row;
    }

    /** Fails at the first step, env and field where the traces differ. */
    public static void assertSameTrace(List<int[]> expected, List<int[]> actual, String what) {
        if (expected.size() != actual.size()) {
            throw new AssertionError(what + ": " + actual.size() + " steps traced, expected " + expected.size());
        }
        for (int s = 0; s < expected.size(); s++) {
            int[] a = expected.get(s);
            int[] b = actual.get(s);
            for (int k = 0; k < a.length; k++) {
                if (a[k] != b[k]) {
                    throw new AssertionError(String.format("%s: step %d of the trace, env %d, %s: 0x%08x expected, 0x%08x",
                            what, s, k / ROW, field(k % ROW), a[k], b[k]));
                }
            }
        }
    }

    private static String field(int k) {
        if (k < Observation.SIZE) {
            return "observation[" + k + "]";
        }
        if (k < Observation.SIZE + 3) {
            return TAIL_FIELDS[k - Observation.SIZE];
        }
        int f = k - Observation.SIZE - 3;
        return f < Observation.SIZE ? "final observation[" + f + "]" : f == Observation.SIZE ? "final return" : "final success";
    }

    public static byte[] saved(VecEnv env) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            env.saveState(out);
        }
        return bytes.toByteArray();
    }

    public static void load(VecEnv env, byte[] state) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            env.loadState(in);
        }
    }
}
