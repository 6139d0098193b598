package org.mtboard.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtboard.engine.recipe.Algorithm;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.Hyperparameters;
import org.mtboard.engine.recipe.NetworkConfig;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.recipe.Tier;

/**
 * Small but complete training runs: same seed, same checksum; a resumed run (from a file or from
 * checkpoint bytes, or after a cancel) ends where an uninterrupted one does.
 */
class TrainerTest {
    @TempDir
    Path dir;

    static final Tier TIER = new Tier("smoke", List.of(7, 8, 9), 1_000_000, 40);
    static final BenchmarkDefinition BENCHMARK = new BenchmarkDefinition("mt10-rand", 1, "mt10", "rand", 150, 5,
            Map.of("smoke", TIER));

    /** A tiny MT-PPO (other trainer tests use it too). */
    static Submission ppo(boolean multiHead) {
        return new Submission("tiny-ppo", Algorithm.MT_PPO,
                new NetworkConfig(List.of(32, 32), List.of(32, 32), "elu", multiHead, 0.0),
                new Hyperparameters(5e-4, 0.99, 0.95, 0.2, 0.2, 4.0, 0.005, 2, 2, 1.0, 1e-4, 32, 40));
    }

    static Submission grpo() {
        return new Submission("tiny-grpo", Algorithm.MT_GRPO, new NetworkConfig(List.of(32, 32), null, "elu", false, 0.0),
                new Hyperparameters(5e-4, 0.99, null, 0.2, null, null, 0.005, 2, 2, 1.0, 1e-4, 150, 40));
    }

    private TrainResult train(Submission s, int seed, Path out, int maxEpochs, int checkpointEvery, boolean resume, int threads)
            throws IOException {
        TrainingConfig c = new TrainingConfig(s, BENCHMARK, TIER, seed, threads, out, checkpointEvery, resume, maxEpochs);
        try (Trainer trainer = new Trainer(c)) {
            return trainer.train((r, total) -> { });
        }
    }

    @Test
    void sameSeedGivesTheSameChecksumAndAnotherSeedAnother() throws IOException {
        TrainResult a = train(ppo(false), 7, dir.resolve("a"), 8, 0, false, 2);
        TrainResult b = train(ppo(false), 7, dir.resolve("b"), 8, 0, false, 1);
        assertEquals(a.checksum(), b.checksum(), "same seed, 2 vs 1 simulation threads");
        assertEquals(8 * 40 * 32, a.frames());
        // Scored epochs 3-7 are steps 97-256: every env, whatever its first episode's start, ends one there.
        assertTrue(Double.isFinite(a.meanSuccessRate()), "every task has an episode ending in the scored epochs");
        assertNotEquals(a.checksum(), train(ppo(false), 8, dir.resolve("c"), 8, 0, false, 2).checksum());
    }

    @Test
    void aRunTrainsOnAnyThreadAndGivesTheSameChecksum() throws Exception {
        // The engine is loaded (and a run trained) in this thread; a service then trains on pool threads.
        TrainResult here = train(ppo(false), 7, dir.resolve("here"), 3, 0, false, 1);
        TrainResult[] there = new TrainResult[1];
        Throwable[] failure = new Throwable[1];
        Thread pool = new Thread(() -> {
            try {
                there[0] = train(ppo(false), 7, dir.resolve("there"), 3, 0, false, 1);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        pool.start();
        pool.join();
        if (failure[0] != null) {
            throw new AssertionError("training on another thread failed", failure[0]);
        }
        assertEquals(here.checksum(), there[0].checksum());
    }

    @Test
    void aCheckpointIsTakenWhenTheProgressSaysOneIsDue() throws IOException {
        TrainingConfig c = new TrainingConfig(ppo(false), BENCHMARK, TIER, 7, 1, dir.resolve("due"), 0, false, 4);
        java.util.List<Integer> takenAfter = new java.util.ArrayList<>();
        int[] epochs = {0};
        try (Trainer trainer = new Trainer(c)) {
            trainer.train(new Trainer.Progress() {
                @Override
                public void onEpoch(EpochRecord record, int total) {
                    epochs[0] = record.epoch() + 1;
                }

                @Override
                public boolean checkpointDue() {
                    return epochs[0] % 2 == 0;
                }

                @Override
                public void onCheckpoint(byte[] checkpoint) {
                    takenAfter.add(epochs[0]);
                }
            });
        }
        assertEquals(List.of(2, 4), takenAfter, "checkpoint_every 0: only the ones the progress asked for");
    }

    @Test
    void ppoEnvsStartTheirFirstEpisodesStaggered() throws IOException {
        TrainResult r = train(ppo(false), 7, dir.resolve("staggered"), 1, 0, false, 2);
        int ended = r.curve().get(0).episodesEnded();
        // 40 envs whose first episodes start at uniform steps in [0, 150): those past step 118
        // end one within the first 32 steps; in lockstep none would.
        assertTrue(ended > 0 && ended < 40, "episodes ended in the first 32-step epoch: " + ended);
    }

    @Test
    void resumingFromACheckpointEndsBitIdentical() throws IOException {
        TrainResult uninterrupted = train(ppo(true), 9, dir.resolve("full"), 6, 0, false, 2);
        Path out = dir.resolve("resumed");
        train(ppo(true), 9, out, 3, 3, false, 2);   // "killed" right after the epoch-3 checkpoint
        assertTrue(Files.exists(out.resolve("checkpoint.bin")));
        TrainResult resumed = train(ppo(true), 9, out, 6, 3, true, 2);
        assertEquals(uninterrupted.checksum(), resumed.checksum());
        assertEquals(uninterrupted.curve().size(), resumed.curve().size());
    }

    @Test
    void checkpointBytesResumeBitIdenticalWithoutAnyFile() throws IOException {
        TrainResult uninterrupted = train(ppo(false), 8, dir.resolve("full-bytes"), 5, 0, false, 2);
        byte[][] taken = new byte[1][];
        TrainingConfig first = new TrainingConfig(ppo(false), BENCHMARK, TIER, 8, 2, dir.resolve("first"), 2, false, 2);
        try (Trainer trainer = new Trainer(first)) {
            trainer.train(new Trainer.Progress() {
                @Override
                public void onEpoch(EpochRecord record, int totalEpochs) {
                }

                @Override
                public void onCheckpoint(byte[] checkpoint) {
                    taken[0] = checkpoint;
                }
            });
        }
        // Another worker, another directory, only the bytes: it ends where the uninterrupted run does.
        TrainingConfig second = new TrainingConfig(ppo(false), BENCHMARK, TIER, 8, 2, dir.resolve("elsewhere"), 0, false, 5);
        try (Trainer trainer = new Trainer(second)) {
            trainer.restore(taken[0]);
            TrainResult resumed = trainer.train((r, total) -> { });
            assertEquals(uninterrupted.checksum(), resumed.checksum());
            assertEquals(5, resumed.curve().size());
        }
        // Bytes of another run are refused, naming both.
        TrainingConfig otherSeed = new TrainingConfig(ppo(false), BENCHMARK, TIER, 9, 2, dir.resolve("other"), 0, false, 5);
        try (Trainer trainer = new Trainer(otherSeed)) {
            IOException e = assertThrows(IOException.class, () -> trainer.restore(taken[0]));
            assertTrue(e.getMessage().contains("seed 8") && e.getMessage().contains("seed 9"), e.getMessage());
        }
    }

    @Test
    void aCancelledRunStopsBetweenEpochsWithACheckpoint() throws IOException {
        Path out = dir.resolve("cancelled");
        TrainingConfig c = new TrainingConfig(ppo(false), BENCHMARK, TIER, 7, 2, out, 10, false, 8);
        int[] epochs = {0};
        TrainResult r;
        try (Trainer trainer = new Trainer(c)) {
            r = trainer.train(new Trainer.Progress() {
                @Override
                public void onEpoch(EpochRecord record, int totalEpochs) {
                    epochs[0]++;
                }

                @Override
                public boolean cancelled() {
                    return epochs[0] >= 3;
                }
            });
        }
        assertEquals(3, r.curve().size());
        assertEquals(3 * 40 * 32, r.frames());
        assertTrue(Files.exists(out.resolve("checkpoint.bin")), "a cancelled run keeps its progress for a later resume");
        TrainResult resumed = train(ppo(false), 7, out, 8, 10, true, 2);
        assertEquals(train(ppo(false), 7, dir.resolve("whole"), 8, 0, false, 2).checksum(), resumed.checksum());
    }

    @Test
    void grpoTrainsOnWholeEpisodes() throws IOException {
        TrainResult r = train(grpo(), 7, dir.resolve("grpo"), 2, 0, false, 2);
        assertEquals(2 * 40 * 150, r.frames());
        assertEquals(2, r.curve().size());
        assertTrue(r.curve().get(0).hasEpisodes(), "every GRPO rollout ends its episodes");
        assertEquals(r.checksum(), train(grpo(), 7, dir.resolve("grpo2"), 2, 0, false, 2).checksum());
    }
}
