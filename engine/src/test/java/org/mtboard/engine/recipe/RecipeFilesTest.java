package org.mtboard.engine.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipeFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Submission parse(String yaml) throws Exception {
        return RecipeFiles.submission(YAML.readTree(yaml));
    }

    private static ConfigException rejected(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    private static final String VALID = String.join("\n",
            "name: test", "algorithm: mt-ppo", "network:", "  actor_hidden: [64, 64]", "hyperparameters:", "  learning_rate: 0.001", "");

    @Test
    void baselinesCarryTheThesisRecipe() {
        Submission ppo = RecipeFiles.readSubmission(ROOT.resolve("submissions/baselines/mt-ppo.yaml"));
        assertEquals(Algorithm.MT_PPO, ppo.algorithm());
        assertEquals(List.of(256, 128, 64), ppo.network().actorHidden());
        assertEquals(List.of(256, 128, 64), ppo.network().criticHidden());
        assertEquals("elu", ppo.network().activation());
        Hyperparameters hp = ppo.hyperparameters();
        assertEquals(5e-4, hp.learningRate());
        assertEquals(0.99, hp.gamma());
        assertEquals(0.95, hp.gaeLambda());
        assertEquals(0.2, hp.clip());
        assertEquals(4.0, hp.criticCoef());
        assertEquals(0.005, hp.entropyCoef());
        assertEquals(5, hp.miniEpochs());
        assertEquals(1.0, hp.maxGradNorm());
        assertEquals(1e-4, hp.boundsLossCoef());
        assertEquals(32, hp.horizon());
        assertTrue(RecipeFiles.readSubmission(ROOT.resolve("submissions/baselines/mh-ppo.yaml")).network().multiHead());
        Submission grpo = RecipeFiles.readSubmission(ROOT.resolve("submissions/baselines/mt-grpo.yaml"));
        assertEquals(Algorithm.MT_GRPO, grpo.algorithm());
        assertNull(grpo.network().criticHidden());
        assertNull(grpo.hyperparameters().criticCoef());
        assertEquals(150, grpo.hyperparameters().horizon());
    }

    @Test
    void benchmarkTiersHaveTheirSeedCounts() {
        BenchmarkDefinition b = RecipeFiles.readBenchmark(ROOT.resolve("submissions/benchmarks/mt10-rand.yaml"));
        assertEquals("mt10-rand", b.name());
        assertEquals(org.mtboard.engine.sim.Protocol.VERSION, b.protocolVersion());
        assertEquals(3, b.tier("smoke").seeds().size());
        assertEquals(5, b.tier("standard").seeds().size());
        assertEquals(10, b.tier("official").seeds().size());
        assertEquals(1_000_000_000L, b.tier("official").frames());
        ConfigException nightly = assertThrows(ConfigException.class, () -> b.tier("nightly"));
        assertEquals("tier: must be one of smoke, standard, official; got 'nightly'", nightly.getMessage());
        assertEquals("one of smoke, standard, official", nightly.problems().get(0).allowed());
    }

    @Test
    void defaultsFillWhatIsLeftOut() throws Exception {
        Submission s = parse(VALID);
        assertEquals(List.of(64, 64), s.network().actorHidden());
        assertEquals(List.of(256, 128, 64), s.network().criticHidden());
        assertEquals(0.001, s.hyperparameters().learningRate());
        assertEquals(0.95, s.hyperparameters().gaeLambda());
        assertFalse(s.network().multiHead());
    }

    @Test
    void invalidFilesNameTheFieldAndWhatIsAllowed() {
        assertEquals("algorithm: is required", rejected("name: x\nnetwork: {}\nhyperparameters: {}\n").getMessage());
        assertEquals("algorithm: must be one of mt-ppo, mt-grpo; got 'ppo'",
                rejected(VALID.replace("algorithm: mt-ppo", "algorithm: ppo")).getMessage());
        ConfigException negative = rejected(VALID.replace("0.001", "-0.1"));
        assertEquals("hyperparameters.learning_rate", negative.field());
        assertEquals("hyperparameters.learning_rate: must be in (0.0, 1.0]; got -0.1", negative.getMessage());
        ConfigException unknown = rejected(VALID + "  lr: 0.1\n");
        assertEquals("hyperparameters.lr", unknown.field());
        assertTrue(unknown.getMessage().contains("unknown key; allowed keys here: learning_rate"), unknown.getMessage());
        assertEquals("seeds", rejected(VALID + "seeds: [1, 2]\n").field());
        assertEquals("hyperparameters.mini_epochs: must be a whole number in [1, 100]; got '2.5'",
                rejected(VALID + "  mini_epochs: 2.5\n").getMessage());
        assertEquals("hyperparameters.gamma: must be a number in [0.0, 1.0]; got 'high'",
                rejected(VALID + "  gamma: high\n").getMessage());
        assertEquals("network.actor_hidden[1]", rejected(VALID.replace("[64, 64]", "[64, abc]")).field());
        assertEquals("network.multi_head: must be true or false; got 'yes please'",
                rejected(VALID.replace("network:", "network:\n  multi_head: yes please")).getMessage());
        assertEquals("hyperparameters.critic_coef: mt-grpo has no critic; remove this key",
                rejected("name: g\nalgorithm: mt-grpo\nnetwork: {}\nhyperparameters:\n  critic_coef: 2\n").getMessage());
        assertEquals("hyperparameters.horizon: must be in [150, 150]; got 32",
                rejected("name: g\nalgorithm: mt-grpo\nnetwork: {}\nhyperparameters:\n  horizon: 32\n").getMessage());
        assertEquals("network: must be a mapping of keys to values", rejected("name: g\nalgorithm: mt-ppo\nnetwork: 3\nhyperparameters: {}\n").getMessage());
    }

    @Test
    void invalidBenchmarksAreRejectedToo() throws Exception {
        String tiers = "name: b\nprotocol_version: 2\nsuite: mt10\nvariant: rand\ntiers:\n  smoke: {seeds: [1, 2], frames: 100}\n";
        ConfigException e = assertThrows(ConfigException.class, () -> RecipeFiles.benchmark(YAML.readTree(tiers)));
        assertEquals("tiers.smoke.seeds", e.field());
        String unknownTier = "name: b\nprotocol_version: 2\nsuite: mt10\nvariant: rand\ntiers:\n  nightly: {seeds: [1], frames: 100}\n";
        assertEquals("tiers.nightly", assertThrows(ConfigException.class, () -> RecipeFiles.benchmark(YAML.readTree(unknownTier))).field());
    }

    /** A benchmark frozen under protocol 1 ran on the first simulator: refused, not silently re-run on protocol 2's. */
    @Test
    void benchmarksOfAnotherProtocolAreRefused() throws Exception {
        String v1 = "name: b\nprotocol_version: 1\nsuite: mt10\nvariant: rand\ntiers:\n  smoke: {seeds: [1, 2, 3], frames: 100}\n";
        ConfigException old = assertThrows(ConfigException.class, () -> RecipeFiles.benchmark(YAML.readTree(v1)));
        assertEquals("protocol_version", old.field());
        assertTrue(old.getMessage().startsWith("protocol_version: must be 2, the only protocol this engine runs"), old.getMessage());
        String unversioned = "name: b\nsuite: mt10\nvariant: rand\ntiers:\n  smoke: {seeds: [1, 2, 3], frames: 100}\n";
        assertEquals("protocol_version: is required",
                assertThrows(ConfigException.class, () -> RecipeFiles.benchmark(YAML.readTree(unversioned))).getMessage());
    }
}
