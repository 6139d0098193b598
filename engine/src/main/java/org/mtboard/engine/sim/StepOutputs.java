package org.mtboard.engine.sim;

/** What a vector env hands the learner after each step (see {@link VecEnv}). */
public final class StepOutputs {
    public final float[] observations;
    public final float[] rewards;
    public final byte[] successes;
    public final byte[] dones;
    public final float[] finalObservations;
    public final float[] finalReturns;
    public final byte[] finalSuccesses;

    Object[] arrays() {
        return new Object[] {observations, rewards, successes, dones, finalObservations, finalReturns, finalSuccesses};
    }

    public StepOutputs(int numEnvs) {
        observations = new float[Observation.SIZE * numEnvs];
        rewards = new float[numEnvs];
        successes = new byte[numEnvs];
        dones = new byte[numEnvs];
        finalObservations = new float[Observation.SIZE * numEnvs];
        finalReturns = new float[numEnvs];
        finalSuccesses = new byte[numEnvs];
    }
}
