package org.mtboard.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.mtboard.engine.recipe.NetworkConfig;

/**
 * The submission's networks: a Gaussian policy (MLP mean, state-independent learnable log-std)
 * and, for critic-based algorithms, a separate value MLP. Both read [normalised observation,
 * task one-hot]. Initialised from the run seed.
 */
public final class ActorCritic implements AutoCloseable {
    public static final int ACTION_DIM = 4;
    /** Initial policy-mean layer weights are scaled down so early actions stay near zero. */
    private static final double POLICY_OUTPUT_GAIN = 0.01;

    private final Parameters params;
    private final MultiTaskMlp actor;
    private final MultiTaskMlp critic;

    public ActorCritic(NDManager base, NetworkConfig cfg, int inputs, int tasks, long seed) {
        this.params = new Parameters(base);
        SeededInit init = new SeededInit(seed, 17);
        this.actor = new MultiTaskMlp(params, "actor", inputs, cfg.actorHidden(), ACTION_DIM, tasks, cfg.multiHead(),
                cfg.activation(), init, POLICY_OUTPUT_GAIN);
        float[] logStd = new float[ACTION_DIM];
        Arrays.fill(logStd, (float) cfg.initialLogStd());
        params.add("actor.log_std", logStd, new Shape(ACTION_DIM));
        this.critic = cfg.criticHidden() == null ? null
                : new MultiTaskMlp(params, "critic", inputs, cfg.criticHidden(), 1, tasks, cfg.multiHead(), cfg.activation(),
                        init, 1.0);
    }

    public Parameters parameters() {
        return params;
    }

    public boolean hasCritic() {
        return critic != null;
    }

    /** Policy mean, (batch, 4). */
    public NDArray mean(NDArray x) {
        return actor.forward(x);
    }

    public NDArray logStd() {
        return params.get("actor.log_std");
    }

    /** Value prediction in normalised units, (batch). */
    public NDArray value(NDArray x) {
        if (critic == null) {
            throw new IllegalStateException("this algorithm has no critic");
        }
        return critic.forward(x).reshape(-1);
    }

    @Override
    public void close() {
        params.close();
    }
}
