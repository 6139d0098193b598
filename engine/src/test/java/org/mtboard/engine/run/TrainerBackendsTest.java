package org.mtboard.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtboard.engine.nn.NetworkDevice;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.recipe.Tier;
import org.mtboard.engine.sim.CpuVecEnv;
import org.mtboard.engine.sim.TaskSet;
import org.mtboard.engine.sim.VecEnv;
import org.mtboard.engine.sim.cuda.CudaProbe;
import org.mtboard.engine.sim.cuda.CudaVecEnv;
import org.mtboard.engine.sim.cuda.HostSimDevice;

/**
 * Training through the vector-env contract on either simulator backend. Without a GPU the cuda
 * backend's host side (CudaVecEnv: its copies, per-step finals, staggered starts and state bytes)
 * runs over {@link HostSimDevice}, which does what the kernels do with the CPU stepper; it must
 * train the same bits as the CPU backend, and checkpoints must move between the two. Where a GPU
 * exists the same is checked on the real kernels, and GPU networks against themselves.
 */
class TrainerBackendsTest {
    @TempDir
    Path dir;

    private static final Tier TIER = TrainerTest.TIER;
    private static final BenchmarkDefinition BENCHMARK = TrainerTest.BENCHMARK;

    private static Submission ppo() {
        return TrainerTest.ppo(false);
    }

    private static Submission grpo() {
        return TrainerTest.grpo();
    }

    private static Function<TaskSet, VecEnv> cpu(int seed) {
        return set -> new CpuVecEnv(set, seed, 2);
    }

    private static Function<TaskSet, VecEnv> cudaHostSide(int seed) {
        return set -> new CudaVecEnv(set, seed, new HostSimDevice(set, seed));
    }

    private TrainResult train(Submission s, String backend, String device, Function<TaskSet, VecEnv> env, String name, int epochs,
                              int checkpointEvery, boolean resume) throws IOException {
        TrainingConfig c = new TrainingConfig(s, BENCHMARK, TIER, 7, 2, dir.resolve(name), checkpointEvery, resume, epochs, backend, device);
        try (Trainer trainer = new Trainer(c, env)) {
            return trainer.train((r, total) -> { });
        }
    }

    private static List<String> digests(TrainResult r) {
        return r.curve().stream().map(EpochRecord::paramsSha).toList();
    }

    @Test
    void theCudaBackendsHostSideTrainsTheSameBitsAsTheCpuBackend() throws IOException {
        // PPO starts episodes staggered, so every step ends some episodes: finals must reach the learner each step.
        TrainResult onCpu = train(ppo(), "cpu", "cpu", cpu(7), "cpu", 6, 0, false);
        TrainResult onCuda = train(ppo(), "cuda", "cpu", cudaHostSide(7), "cuda", 6, 0, false);
        assertEquals(digests(onCpu), digests(onCuda), "every epoch's parameters");
        assertEquals(onCpu.checksum(), onCuda.checksum());
        assertEquals("cuda", onCuda.backend());
        assertEquals("cpu", onCpu.backend());
        // GRPO keeps whole episodes in lockstep: all envs end together.
        assertEquals(train(grpo(), "cpu", "cpu", cpu(7), "grpo-cpu", 3, 0, false).checksum(),
                train(grpo(), "cuda", "cpu", cudaHostSide(7), "grpo-cuda", 3, 0, false).checksum());
    }

    @Test
    void aCheckpointTakenOnOneBackendResumesOnTheOtherBitIdentically() throws IOException {
        TrainResult whole = train(ppo(), "cpu", "cpu", cpu(7), "whole", 6, 0, false);
        train(ppo(), "cuda", "cpu", cudaHostSide(7), "moved", 3, 3, false);
        TrainResult resumed = train(ppo(), "cpu", "cpu", cpu(7), "moved", 6, 3, true);
        assertEquals(whole.checksum(), resumed.checksum(), "3 epochs on the cuda host side, 3 more on the cpu");
        assertNotEquals(whole.checksum(), train(ppo(), "cpu", "cpu", cpu(7), "short", 5, 0, false).checksum(), "the check can fail");
    }

    /**
     * checkpoint-format-3.bin was written by the engine of commit 839c560 (format 3: no copy times)
     * after 3 epochs of TrainerTest's tiny MT-PPO on seed 7, on an Intel Xeon. That engine's sqrt went
     * to oneMKL's vector maths, so its 5-epoch checksum (7c7fe5fd…) was Intel's own; this engine
     * computes exp and sqrt in Java (PortableMath), so epochs 3-4 resumed here end on other bits,
     * meant to be the same on any CPU: the figure below, recorded by this engine on an AMD EPYC.
     */
    @Test
    void aFormat3CheckpointOfAnEarlierEngineStillResumes() throws IOException {
        String previousEngineOnIntel = "7c7fe5fde9ed3b50c652f5d6d98e082bdae43421877eae97a32390020a0d25cd";
        String resumedByThisEngine = "abe467cc6fe0a3ff03f6aee9ba2648d8c065a80d954c55b8737a7853d332db77";
        byte[] format3;
        try (var in = getClass().getResourceAsStream("checkpoint-format-3.bin")) {
            format3 = in.readAllBytes();
        }
        TrainingConfig c = new TrainingConfig(ppo(), BENCHMARK, TIER, 7, 2, dir.resolve("old"), 0, false, 5);
        try (Trainer trainer = new Trainer(c)) {
            trainer.restore(format3);
            TrainResult resumed = trainer.train((r, total) -> { });
            assertEquals(0.0, resumed.curve().get(0).copySeconds(), "format 3 has no copy times");
            assertEquals(5, resumed.curve().size(), "epochs 0-2 from the file, 3-4 trained here");
            assertEquals(resumedByThisEngine, resumed.checksum());
            assertNotEquals(previousEngineOnIntel, resumed.checksum(), "epochs 3-4 ran with this engine's maths");
        }
    }

    @Test
    void onAGpuTheKernelsTrainTheCpuBitsAndGpuNetworksRepeatThemselves() throws IOException {
        assumeTrue(CudaProbe.available(), () -> "no GPU: " + CudaProbe.unavailableReason());
        TrainResult onCpu = train(ppo(), "cpu", "cpu", cpu(7), "cpu", 4, 0, false);
        TrainResult kernels = train(ppo(), "cuda", "cpu", set -> new CudaVecEnv(set, 7), "kernels", 4, 0, false);
        assertEquals(onCpu.checksum(), kernels.checksum(), "cuda simulator + cpu networks = cpu + cpu");
        String noGpuNetworks = NetworkDevice.gpuUnavailableReason();
        assumeTrue(noGpuNetworks == null, () -> "DJL's libtorch has no GPU: " + noGpuNetworks);
        TrainResult first = train(ppo(), "cuda", "gpu", set -> new CudaVecEnv(set, 7), "gpu-1", 4, 0, false);
        TrainResult second = train(ppo(), "cuda", "gpu", set -> new CudaVecEnv(set, 7), "gpu-2", 4, 0, false);
        assertEquals(first.checksum(), second.checksum(), "same seed twice with GPU networks");
    }
}
