package org.mtboard.engine.sim;

/** A vector env whose step results live in host arrays ({@link StepOutputs}); serves the getters. */
public abstract class BufferedVecEnv implements VecEnv {
    protected final StepOutputs outputs;

    protected BufferedVecEnv(int numEnvs) {
        this.outputs = new StepOutputs(numEnvs);
    }

    /** The step contract's one check on actions, the same on every backend. */
    protected final void checkActions(float[] actions) {
        if (actions.length < 4 * numEnvs()) {
            throw new IllegalArgumentException("actions must hold 4 floats per env: need " + 4 * numEnvs() + ", got " + actions.length);
        }
    }

    @Override
    public float[] observations() {
        return outputs.observations;
    }

    @Override
    public float[] rewards() {
        return outputs.rewards;
    }

    @Override
    public byte[] successes() {
        return outputs.successes;
    }

    @Override
    public byte[] dones() {
        return outputs.dones;
    }

    @Override
    public float[] finalObservations() {
        return outputs.finalObservations;
    }

    @Override
    public float[] finalReturns() {
        return outputs.finalReturns;
    }

    @Override
    public byte[] finalSuccesses() {
        return outputs.finalSuccesses;
    }
}
