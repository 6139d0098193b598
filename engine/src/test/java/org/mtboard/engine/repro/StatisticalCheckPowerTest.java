package org.mtboard.engine.repro;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mtboard.engine.recipe.Algorithm;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.Hyperparameters;
import org.mtboard.engine.recipe.NetworkConfig;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.recipe.Tier;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.engine.run.RunSpec;
import org.mtboard.engine.run.Runs;
import org.mtboard.engine.run.Trainer;

/**
 * The statistical check on real training runs: a pool of 12 short MT-PPO runs and a pool of 6
 * MT-GRPO runs on MT10 (160 envs, 16 PPO epochs of 32 steps, learning rate 3e-3, about a second
 * each; the -Dpower.* properties change the pools for experiments). Same-config checks draw
 * their original and re-run seeds from the PPO pool; checks against the other algorithm draw the
 * re-runs from the GRPO pool. The rates it prints are the false-alarm rate and the power that
 * docs/reproduce.md reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticalCheckPowerTest {
    private static final int ORIGINALS = 3;
    private static final int RERUNS = 5;
    private static final int CHECKS = 400;
    private static final double LR = Double.parseDouble(System.getProperty("power.lr", "3e-3"));
    private static final int EPOCHS = Integer.getInteger("power.epochs", 16);
    private static final int PPO_POOL = Integer.getInteger("power.ppo", 12);
    private static final int GRPO_POOL = Integer.getInteger("power.grpo", 6);
    private static final int ENVS = Integer.getInteger("power.envs", 160);
    private static final Tier TIER = new Tier("smoke", List.of(1), EPOCHS * ENVS * 32, ENVS);
    private static final BenchmarkDefinition BENCHMARK = new BenchmarkDefinition("mt10-rand", 2, System.getProperty("power.suite", "mt10"), "rand", 150, 5,
            Map.of("smoke", TIER));

    private Path dir;
    private final List<RunManifest> ppoPool = new ArrayList<>();
    private final List<RunManifest> grpoPool = new ArrayList<>();

    private static Submission ppo() {
        return new Submission("tiny-ppo", Algorithm.MT_PPO, new NetworkConfig(List.of(32, 32), List.of(32, 32), "elu", false, 0.0),
                new Hyperparameters(LR, 0.99, 0.95, 0.2, 0.2, 4.0, 0.005, 2, 2, 1.0, 1e-4, 32, 40));
    }

    private static Submission grpo() {
        return new Submission("tiny-grpo", Algorithm.MT_GRPO, new NetworkConfig(List.of(32, 32), null, "elu", false, 0.0),
                new Hyperparameters(LR, 0.99, null, 0.2, null, null, 0.005, 2, 2, 1.0, 1e-4, 150, 40));
    }

    private RunManifest train(Submission s, int seed) throws IOException {
        Path out = dir.resolve(s.name() + "-" + seed);
        return Runs.train(RunSpec.reproduction(s, BENCHMARK, TIER, seed), new Runs.Settings(2, out, 0, false, 0), null,
                new Trainer.Progress() {
                    @Override
                    public void onEpoch(org.mtboard.engine.run.EpochRecord record, int totalEpochs) {
                    }
                });
    }

    @BeforeAll
    void trainPools(@TempDir Path dir) throws IOException {
        this.dir = dir;
        for (int seed = 1000; seed < 1000 + PPO_POOL; seed++) {
            ppoPool.add(train(ppo(), seed));
        }
        for (int seed = 2000; seed < 2000 + GRPO_POOL; seed++) {
            grpoPool.add(train(grpo(), seed));
        }
        ppoPool.forEach(m -> System.out.printf("ppo seed %d: success %.3f return %s%n", m.seed(), m.meanSuccessRate(), m.perTask().values().stream().mapToDouble(RunManifest.TaskScore::meanReturn).average().orElse(0)));
        grpoPool.forEach(m -> System.out.printf("grpo seed %d: success %.3f return %s%n", m.seed(), m.meanSuccessRate(), m.perTask().values().stream().mapToDouble(RunManifest.TaskScore::meanReturn).average().orElse(0)));
    }

    private static List<RunManifest> draw(List<RunManifest> pool, int k, SplittableRandom random, List<RunManifest> exclude) {
        List<RunManifest> left = new ArrayList<>(pool);
        left.removeAll(exclude);
        List<RunManifest> picked = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            picked.add(left.remove(random.nextInt(left.size())));
        }
        return picked;
    }

    @Test
    void sameConfigOnOtherSeedsPassesAndAnotherAlgorithmFails() {
        List<RunManifest> originals = ppoPool.subList(0, ORIGINALS);
        StatisticalCheck.Verdict same = StatisticalCheck.compare(originals, ppoPool.subList(ORIGINALS, ORIGINALS + RERUNS), 0.05);
        assertTrue(same.reproduced(), same.summary());
        StatisticalCheck.Verdict other = StatisticalCheck.compare(originals, grpoPool.subList(0, RERUNS), 0.05);
        assertFalse(other.reproduced(), other.summary());
        assertFalse(other.named().isEmpty(), "a refused check names tasks: " + other.summary());
    }

    /** @return {false-alarm rate, power} over CHECKS random draws of n original and m re-run seeds */
    private double[] rates(int n, int m) {
        SplittableRandom random = new SplittableRandom(42);
        int falseAlarms = 0;
        int detected = 0;
        for (int k = 0; k < CHECKS; k++) {
            List<RunManifest> originals = draw(ppoPool, n, random, List.of());
            if (!StatisticalCheck.compare(originals, draw(ppoPool, m, random, originals), 0.05).reproduced()) {
                falseAlarms++;
            }
            if (!StatisticalCheck.compare(originals, draw(grpoPool, m, random, List.of()), 0.05).reproduced()) {
                detected++;
            }
        }
        double falseAlarmRate = (double) falseAlarms / CHECKS;
        double power = (double) detected / CHECKS;
        System.out.printf("statistical check, %d vs %d seeds, %d checks each: false-alarm rate %.3f (same config), power %.3f (MT-GRPO vs MT-PPO)%n",
                n, m, CHECKS, falseAlarmRate, power);
        return new double[] {falseAlarmRate, power};
    }

    @Test
    void falseAlarmRateStaysNearAlphaAndPowerGrowsWithSeeds() {
        double[] smoke = rates(ORIGINALS, RERUNS);
        double[] more = rates(5, 5);
        // alpha is 0.05; the checks share pools of 12 and 6 runs, so the estimates are noisy: allow 0.12
        assertTrue(smoke[0] <= 0.12 && more[0] <= 0.12, "false-alarm rates " + smoke[0] + ", " + more[0]);
        // 3 against 5 seeds can refuse only the most extreme split (p >= 1/56), and two of the 12 PPO
        // runs learned little, landing among the GRPO ones: power is well above the false-alarm
        // rate, not near 1, at these seed counts
        assertTrue(smoke[1] >= 0.5 && more[1] >= 0.5, "power at 3 vs 5: " + smoke[1] + ", at 5 vs 5: " + more[1]);
    }
}
