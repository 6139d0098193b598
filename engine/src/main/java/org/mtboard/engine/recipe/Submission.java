package org.mtboard.engine.recipe;

/**
 * What a researcher submits: an algorithm, its network and hyperparameters. Seeds, task-set
 * variant, frame budget and evaluation protocol belong to the benchmark and its tier, never here.
 */
public record Submission(String name, Algorithm algorithm, NetworkConfig network, Hyperparameters hyperparameters) {
}
