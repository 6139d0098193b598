package org.mtboard.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.nn.CpuNumerics;
import org.mtboard.engine.nn.PortableMath;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.engine.recipe.RecipeFiles;
import org.mtboard.engine.recipe.Submission;

class RunManifestTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PPO = ROOT.resolve("submissions/baselines/mt-ppo.yaml");

    private static RunManifest sample() {
        Map<String, RunManifest.TaskScore> perTask = new LinkedHashMap<>();
        perTask.put("reach-v2", new RunManifest.TaskScore(0.9333333333333333, 1391.8904243977863));
        perTask.put("push-v2", new RunManifest.TaskScore(1.0, 1260.05));
        return new RunManifest("MT-PPO", "mt-ppo", "mt10-rand", 2, "smoke", 101, perTask, 0.9666666666666667, 15_007_744L,
                616.25, 24361.5, "cpu", "AMD EPYC", 2, 256, false, "0.1.0", "ab".repeat(32), "cd".repeat(32),
                new CpuNumerics.Settings(true, CpuNumerics.PINNED, "AMD EPYC", "avx2", CpuNumerics.TORCH_THREADS));
    }

    @Test
    void aManifestWrittenBeforePinningReadsAsUnpinned() {
        String json = sample().toJson();
        String old = json.substring(0, json.indexOf(",\"numerics\"")) + "}";
        RunManifest m = RunManifest.fromJson(old);
        assertFalse(m.numerics().pinned());
        assertEquals("AMD EPYC", m.numerics().cpuModel());
        assertEquals("unknown", m.numerics().isaUsed());
    }

    @Test
    void aPinnedManifestWrittenBeforePortableMathReadsAsVectorMaths() {
        RunManifest m = sample();
        assertEquals(PortableMath.SOURCE, m.numerics().math());
        assertTrue(m.toJson().contains("\"math\":\"java\""), m.toJson());
        RunManifest old = RunManifest.fromJson(m.toJson().replace(",\"math\":\"java\"", ""));
        assertTrue(old.numerics().pinned());
        assertEquals(PortableMath.SOURCE_BEFORE, old.numerics().math());
    }

    @Test
    void jsonRoundTripsExactly() {
        RunManifest m = sample();
        assertEquals(m, RunManifest.fromJson(m.toJson()));
        assertTrue(m.toJson().startsWith("{\"submission\":\"MT-PPO\",\"algorithm\":\"mt-ppo\",\"benchmark\":\"mt10-rand\",\"protocol_version\":2"),
                m.toJson());
    }

    @Test
    void aManifestMissingAFieldIsRefusedNamingIt() {
        String json = sample().toJson().replace(",\"checksum\":\"" + "cd".repeat(32) + "\"", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunManifest.fromJson(json));
        assertTrue(e.getMessage().contains("'checksum'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunManifest.fromJson("{not json"));
    }

    @Test
    void configHashIgnoresLayoutAndDefaultsButNotValues() throws Exception {
        Submission file = RecipeFiles.readSubmission(PPO);
        String text = Files.readString(PPO);
        // The same config as JSON with its top-level keys reversed: the same hash.
        ObjectNode tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(text);
        ObjectNode reversed = JsonNodeFactory.instance.objectNode();
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        Collections.reverse(keys);
        keys.forEach(k -> reversed.set(k, tree.get(k)));
        Submission same = RecipeFiles.parseSubmission(reversed.toString(), "test text");
        assertEquals(RunManifest.configHash(file), RunManifest.configHash(same));
        assertEquals(64, RunManifest.configHash(file).length());
        // A default spelled out (gamma 0.99, activation elu) is the same config as one left out.
        String minimal = "name: t\nalgorithm: mt-ppo\nnetwork: {actor_hidden: [32]}\nhyperparameters: {learning_rate: 0.001}\n";
        String explicit = "name: t\nalgorithm: mt-ppo\nnetwork: {actor_hidden: [32], activation: elu}\n"
                + "hyperparameters: {learning_rate: 0.001, gamma: 0.99}\n";
        assertEquals(RunManifest.configHash(RecipeFiles.parseSubmission(minimal, "a")),
                RunManifest.configHash(RecipeFiles.parseSubmission(explicit, "b")));
        Submission other = RecipeFiles.parseSubmission(text.replace("entropy_coef: 0.005", "entropy_coef: 0.004"), "test text");
        assertNotEquals(RunManifest.configHash(file), RunManifest.configHash(other));
    }

    @Test
    void specRefusesASeedTheTierDoesNotFreezeNamingTheField() {
        BenchmarkDefinition bench = RecipeFiles.readBenchmark(ROOT.resolve("submissions/benchmarks/mt10-rand.yaml"));
        Submission ppo = RecipeFiles.readSubmission(PPO);
        ConfigException e = assertThrows(ConfigException.class, () -> new RunSpec(ppo, bench, bench.tier("smoke"), 7));
        assertEquals("seed", e.field());
        assertTrue(e.getMessage().contains("frozen seeds [101, 102, 103]; got 7"), e.getMessage());
        assertEquals("one of [101, 102, 103]", e.problems().get(0).allowed());
        RunSpec ok = new RunSpec(ppo, bench, bench.tier("smoke"), 102);
        assertEquals(256, ok.numEnvs(), "the smoke tier fixes the env count");
        assertEquals(ppo.hyperparameters().numEnvs(), new RunSpec(ppo, bench, bench.tier("standard"), 201).numEnvs());
    }

    @Test
    void textAndFileParseAlikeAndTextErrorsNameTheirSource() throws Exception {
        assertEquals(RecipeFiles.readSubmission(PPO), RecipeFiles.parseSubmission(Files.readString(PPO), "request body"));
        ConfigException e = assertThrows(ConfigException.class, () -> RecipeFiles.parseSubmission("name: [", "request body"));
        assertTrue(e.getMessage().startsWith("request body: not valid YAML"), e.getMessage());
        ConfigException empty = assertThrows(ConfigException.class, () -> RecipeFiles.parseBenchmark("", "request body"));
        assertTrue(empty.getMessage().startsWith("request body: empty"), empty.getMessage());
    }
}
