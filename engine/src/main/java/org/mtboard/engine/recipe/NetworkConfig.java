package org.mtboard.engine.recipe;

import java.util.List;

/**
 * Actor (and, for critic-based algorithms, critic) MLPs over the 39-float observation plus the
 * task one-hot, with a Gaussian policy whose log-std is state-independent and learnable.
 *
 * @param criticHidden null when the algorithm has no critic
 * @param multiHead    one output head per task (the "MH" variant) instead of one shared head
 */
public record NetworkConfig(List<Integer> actorHidden, List<Integer> criticHidden, String activation, boolean multiHead,
                            double initialLogStd) {
    public static final List<String> ACTIVATIONS = List.of("elu", "relu", "tanh");

    /** The MTRL scheme, as the board names it: how the network shares parameters across tasks. */
    public String schemeLabel() {
        return multiHead ? "multi-head" : "shared";
    }

    /** The network in a few words, e.g. "MLP 256-128-64 elu"; the config holds the rest. */
    public String label() {
        return "MLP " + String.join("-", actorHidden.stream().map(String::valueOf).toList()) + " " + activation;
    }
}
