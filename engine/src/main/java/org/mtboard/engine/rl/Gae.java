package org.mtboard.engine.rl;

/**
 * Generalised advantage estimation over a rollout of T steps of N envs (index t * N + i), with
 * time-out bootstrapping: episodes here only ever end by time-out, so at an episode's last step
 * the return is bootstrapped from the value of its final observation rather than cut to zero,
 * and the advantage recursion does not cross into the next episode.
 */
public final class Gae {
    private Gae() {
    }

    /**
     * @param values      V(s_t), T * N
     * @param lastValues  V(s_T) for the state after the rollout's last step, N
     * @param dones       1 where the episode ended at step t, T * N
     * @param finalValues V(final observation) where dones is 1 (else ignored), T * N
     * @param advantages  out, T * N
     * @param returns     out, T * N: advantages + values (the critic's targets)
     */
    public static void compute(float[] rewards, float[] values, float[] lastValues, byte[] dones, float[] finalValues,
                               int steps, int envs, float gamma, float lambda, float[] advantages, float[] returns) {
        for (int i = 0; i < envs; i++) {
            float next = 0.0f;
            for (int t = steps - 1; t >= 0; t--) {
                int j = t * envs + i;
                boolean ended = dones[j] != 0;
                float nextValue = ended ? finalValues[j] : (t == steps - 1 ? lastValues[i] : values[j + envs]);
                float delta = rewards[j] + gamma * nextValue - values[j];
                next = delta + (ended ? 0.0f : gamma * lambda * next);
                advantages[j] = next;
                returns[j] = next + values[j];
            }
        }
    }
}
