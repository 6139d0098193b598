package org.mtboard.engine.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.mtboard.engine.nn.PortableMath;

/**
 * The PPO objective of the thesis recipe on one minibatch, as NDArray operations so DJL can
 * differentiate it: clipped surrogate, clipped value loss, Gaussian entropy bonus and a bounds
 * loss that keeps the policy mean inside the action box. Values are in normalised units. exp goes
 * through {@link PortableMath}, so the loss does not depend on the CPU vendor.
 */
public final class PpoLoss {
    /** How far past +-1 the policy mean may go before the bounds loss pushes back. */
    public static final float SOFT_BOUND = 1.1f;
    private static final double LOG_2PI = StrictMath.log(2 * Math.PI);

    /** The loss and its parts (scalars), for backprop and logging. */
    public record Terms(NDArray total, NDArray actor, NDArray critic, NDArray entropy, NDArray bounds) {
    }

    /** Coefficients: clip, valueClip and criticCoef are ignored when value is null (no critic). */
    public record Settings(float clip, float valueClip, float criticCoef, float entropyCoef, float boundsCoef) {
    }

    private PpoLoss() {
    }

    /** log N(actions; mean, exp(logStd)) summed over action dims: (batch). */
    public static NDArray logProb(NDArray mean, NDArray logStd, NDArray actions) {
        NDArray z = actions.sub(mean).div(PortableMath.exp(logStd));
        long dims = mean.getShape().get(1);
        return z.square().sum(new int[] {1}).mul(-0.5f).sub(logStd.sum()).sub((float) (0.5 * dims * LOG_2PI));
    }

    /**
     * @param mean       policy mean (batch, dims)
     * @param logStd     state-independent log-std (dims)
     * @param value      critic output (batch) or null without a critic
     * @param oldValues  values at rollout time (batch), normalised; null without a critic
     * @param returns    critic targets (batch), normalised; null without a critic
     */
    public static Terms compute(NDArray mean, NDArray logStd, NDArray value, NDArray actions, NDArray oldLogProb,
                                NDArray advantages, NDArray returns, NDArray oldValues, Settings s) {
        NDArray ratio = PortableMath.exp(logProb(mean, logStd, actions).sub(oldLogProb));
        NDArray unclipped = ratio.mul(advantages);
        NDArray clipped = ratio.clip(1 - s.clip(), 1 + s.clip()).mul(advantages);
        NDArray actor = unclipped.minimum(clipped).mean().neg();
        long dims = mean.getShape().get(1);
        NDArray entropy = logStd.sum().add((float) (0.5 * dims * (1 + LOG_2PI)));
        NDArray above = mean.sub(SOFT_BOUND).maximum(0f).square();
        NDArray below = mean.neg().sub(SOFT_BOUND).maximum(0f).square();
        NDArray bounds = above.add(below).sum(new int[] {1}).mean();
        NDManager manager = mean.getManager();
        NDArray critic = manager.create(0f);
        if (value != null) {
            NDArray clippedValue = oldValues.add(value.sub(oldValues).clip(-s.valueClip(), s.valueClip()));
            NDArray errUnclipped = value.sub(returns).square();
            NDArray errClipped = clippedValue.sub(returns).square();
            critic = errUnclipped.maximum(errClipped).mean().mul(0.5f);
        }
        NDArray total = actor.add(critic.mul(s.criticCoef())).sub(entropy.mul(s.entropyCoef())).add(bounds.mul(s.boundsCoef()));
        return new Terms(total, actor, critic, entropy, bounds);
    }
}
