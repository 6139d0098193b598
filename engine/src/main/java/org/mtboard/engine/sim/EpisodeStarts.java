package org.mtboard.engine.sim;

/** The rule for {@link VecEnv#startEpisodesAt}'s argument, in one place so every backend refuses alike. */
public final class EpisodeStarts {
    private EpisodeStarts() {
    }

    /** @throws IllegalArgumentException unless firstSteps holds one step per env, each in [0, 150) */
    public static void check(int[] firstSteps, int numEnvs) {
        if (firstSteps.length != numEnvs) {
            throw new IllegalArgumentException("firstSteps must hold one step per env: need " + numEnvs + ", got " + firstSteps.length);
        }
        for (int i = 0; i < firstSteps.length; i++) {
            if (firstSteps[i] < 0 || firstSteps[i] >= VecEnv.EPISODE_LENGTH) {
                throw new IllegalArgumentException("firstSteps[" + i + "] must be in [0, " + VecEnv.EPISODE_LENGTH + "), got " + firstSteps[i]);
            }
        }
    }
}
