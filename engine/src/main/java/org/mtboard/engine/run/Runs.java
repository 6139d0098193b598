package org.mtboard.engine.run;

import java.io.IOException;
import java.nio.file.Path;
import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.nn.NetworkDevice;

/**
 * The one call the CLI and the service make to train and score a run: a {@link RunSpec} (the
 * submission on a frozen seed of a benchmark tier) and where and how to run it, to its
 * {@link RunManifest}. Progress, cancellation and checkpoints go through {@link Trainer.Progress}.
 */
public final class Runs {
    /**
     * @param workDir         where checkpoint.bin is kept
     * @param checkpointEvery epochs between checkpoints (0: none)
     * @param resume          continue from workDir/checkpoint.bin if it exists
     * @param maxEpochs       stop after this many epochs (0: the tier's budget); the result is partial
     * @param backend         the simulator backend asked for: cpu, cuda or auto ({@link BackendChoice}); null for cpu
     * @param device          where the networks live: cpu, gpu or auto ({@link NetworkDevice}); null for cpu
     */
    public record Settings(int threads, Path workDir, int checkpointEvery, boolean resume, int maxEpochs, String backend,
                           String device) {
        public Settings {
            backend = backend == null ? "cpu" : backend;
            device = device == null ? "cpu" : device;
        }

        /** Networks on the CPU. */
        public Settings(int threads, Path workDir, int checkpointEvery, boolean resume, int maxEpochs, String backend) {
            this(threads, workDir, checkpointEvery, resume, maxEpochs, backend, "cpu");
        }

        /** On the CPU backend with CPU networks. */
        public Settings(int threads, Path workDir, int checkpointEvery, boolean resume, int maxEpochs) {
            this(threads, workDir, checkpointEvery, resume, maxEpochs, "cpu", "cpu");
        }
    }

    private Runs() {
    }

    /**
     * @param checkpoint bytes to continue from (e.g. from the service's database), or null
     * @throws org.mtboard.engine.recipe.ConfigException (field "backend" or "device") before anything runs, for a
     *         backend {@link BackendChoice#forTraining} or a device {@link NetworkDevice#resolve} refuses
     */
    public static RunManifest train(RunSpec spec, Settings settings, byte[] checkpoint, Trainer.Progress progress) throws IOException {
        String backend = BackendChoice.forTraining(settings.backend(), progress::onNotice);
        String device = NetworkDevice.resolve(settings.device(), progress::onNotice);
        TrainingConfig config = new TrainingConfig(spec.submission(), spec.benchmark(), spec.tier(), spec.seed(), settings.threads(),
                settings.workDir(), settings.checkpointEvery(), settings.resume(), settings.maxEpochs(), backend, device);
        // asked before training, so nothing about the machine can fail once the run is done
        NetworkPlacement placement = NetworkPlacement.of(config.device());
        try (Trainer trainer = new Trainer(config)) {
            if (checkpoint != null) {
                trainer.restore(checkpoint);
            }
            return RunManifest.of(config, trainer.train(progress), CpuNumerics.current(), placement);
        }
    }
}
