package org.mtboard.engine.recipe;

/**
 * Optimisation settings of a submission. Critic-only fields (gaeLambda, valueClip, criticCoef)
 * are null for critic-free algorithms, which reject them in the file.
 *
 * @param horizon  steps per env per rollout; MT-GRPO always uses the episode length (150)
 * @param numEnvs  parallel envs; a benchmark tier may override it
 */
public record Hyperparameters(double learningRate, double gamma, Double gaeLambda, double clip, Double valueClip,
                              Double criticCoef, double entropyCoef, int miniEpochs, int minibatches, double maxGradNorm,
                              double boundsLossCoef, int horizon, int numEnvs) {
}
