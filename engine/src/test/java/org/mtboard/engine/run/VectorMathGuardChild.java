package org.mtboard.engine.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.mtboard.engine.nn.Djl;
import org.mtboard.engine.recipe.Algorithm;
import org.mtboard.engine.recipe.Hyperparameters;
import org.mtboard.engine.recipe.NetworkConfig;
import org.mtboard.engine.recipe.Submission;

/**
 * The process VectorMathGuardTest starts under the VML guard: trains each kind of network and
 * algorithm the engine has for a few epochs between two markers in the guard's log, then calls
 * libtorch's own exp, tanh and sqrt, which must show up there (so the guard demonstrably sees VML).
 */
public final class VectorMathGuardChild {
    public static final String TRAINING = "BEGIN training";
    public static final String CONTROL = "BEGIN control";
    public static final String END = "END";

    private VectorMathGuardChild() {
    }

    public static void main(String[] args) throws IOException {
        Path log = Path.of(System.getenv("MTBOARD_VML_GUARD_LOG"));
        Path out = Path.of(args[0]);
        mark(log, TRAINING);
        List<Submission> runs = List.of(TrainerTest.ppo(false), TrainerTest.ppo(true), TrainerTest.grpo(), tanhPpo());
        int k = 0;
        for (Submission s : runs) {
            TrainingConfig c = new TrainingConfig(s, TrainerTest.BENCHMARK, TrainerTest.TIER, 7, 2, out.resolve("run-" + k++), 2, false, 3);
            try (Trainer trainer = new Trainer(c)) {
                trainer.train((r, total) -> { });
            }
        }
        mark(log, CONTROL);
        try (NDManager m = Djl.newManager()) {
            NDArray x = m.arange(1f, 4097f).div(1000f);
            x.exp().toFloatArray();
            x.tanh().toFloatArray();
            x.sqrt().toFloatArray();
        }
        mark(log, END);
    }

    /** The tiny MT-PPO with tanh hidden layers (the activation whose libtorch kernel is VML's). */
    static Submission tanhPpo() {
        Submission base = TrainerTest.ppo(false);
        return new Submission("tiny-ppo-tanh", Algorithm.MT_PPO, new NetworkConfig(List.of(32, 32), List.of(32, 32), "tanh", false, 0.0),
                base.hyperparameters());
    }

    private static void mark(Path log, String line) throws IOException {
        Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
