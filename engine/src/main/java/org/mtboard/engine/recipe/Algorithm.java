package org.mtboard.engine.recipe;

import java.util.Arrays;
import java.util.List;

/** The training algorithms a submission can name. */
public enum Algorithm {
    /** Multi-task PPO with a critic and GAE (the thesis's baseline). */
    MT_PPO("mt-ppo", true),
    /** Critic-free PPO-clip with per-task normalised returns over whole episodes. */
    MT_GRPO("mt-grpo", false);

    private final String label;
    private final boolean usesCritic;

    Algorithm(String label, boolean usesCritic) {
        this.label = label;
        this.usesCritic = usesCritic;
    }

    public String label() {
        return label;
    }

    public boolean usesCritic() {
        return usesCritic;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Algorithm::label).toList();
    }

    static Algorithm of(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst().orElseThrow();
    }
}
