package org.mtboard.engine.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtboard.engine.recipe.ConfigException.Problem;

/** A file with several problems reports every one of them, in document order, each with what is allowed. */
class ConfigProblemsTest {
    private static final String VALID = String.join("\n",
            "name: test", "algorithm: mt-ppo", "network:", "  actor_hidden: [64, 64]", "hyperparameters:", "  learning_rate: 0.001", "");

    private static List<Problem> problems(String yaml) {
        return assertThrows(ConfigException.class, () -> RecipeFiles.parseSubmission(yaml, "test")).problems();
    }

    private static List<Problem> benchmarkProblems(String yaml) {
        return assertThrows(ConfigException.class, () -> RecipeFiles.parseBenchmark(yaml, "test")).problems();
    }

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    @Test
    void threeBadFieldsAreThreeProblemsInDocumentOrder() {
        String yaml = String.join("\n",
                "name: x",
                "algorithm: ppo",
                "network:",
                "  actor_hidden: [64]",
                "hyperparameters:",
                "  lr: 0.1",
                "  learning_rate: 5",
                "");
        ConfigException e = assertThrows(ConfigException.class, () -> RecipeFiles.parseSubmission(yaml, "request body"));
        List<Problem> problems = e.problems();
        assertEquals(List.of("algorithm", "hyperparameters.lr", "hyperparameters.learning_rate"), fields(problems));

        assertEquals(new Problem("algorithm", "must be one of mt-ppo, mt-grpo; got 'ppo'", "one of mt-ppo, mt-grpo"), problems.get(0));
        Problem unknown = problems.get(1);
        assertTrue(unknown.message().startsWith("unknown key; allowed keys here: learning_rate, gamma, gae_lambda"), unknown.message());
        assertTrue(unknown.allowed().startsWith("no such key; allowed keys: learning_rate, gamma"), unknown.allowed());
        assertEquals(new Problem("hyperparameters.learning_rate", "must be in (0.0, 1.0]; got 5", "(0.0, 1.0]"), problems.get(2));

        assertEquals("algorithm", e.field(), "field() is the first problem's");
        assertEquals(String.join("\n", problems.stream().map(Problem::text).toList()), e.getMessage());
        assertEquals(3, e.getMessage().lines().count());
    }

    @Test
    void rangeAndTypeProblemsSayWhatIsAllowed() {
        assertEquals("(0.0, 1.0]", problems(VALID.replace("0.001", "-0.1")).get(0).allowed());
        assertEquals("[0.0, 1.0]", problems(VALID + "  gamma: high\n").get(0).allowed());
        assertEquals("a whole number in [1, 100]", problems(VALID + "  mini_epochs: 0\n").get(0).allowed());
        assertEquals("a whole number in [1, 100]", problems(VALID + "  mini_epochs: 2.5\n").get(0).allowed());
        assertEquals("a whole number in [1, 4096]", problems(VALID.replace("[64, 64]", "[64, abc]")).get(0).allowed());
        assertEquals("true or false", problems(VALID.replace("network:", "network:\n  multi_head: maybe")).get(0).allowed());
        assertEquals("one of elu, relu, tanh", problems(VALID.replace("network:", "network:\n  activation: gelu")).get(0).allowed());
        assertEquals("a mapping", problems("name: g\nalgorithm: mt-ppo\nnetwork: 3\nhyperparameters: {}\n").get(0).allowed());
        assertEquals(new Problem("algorithm", "is required", "one of mt-ppo, mt-grpo"),
                problems("name: x\nnetwork: {}\nhyperparameters: {}\n").get(0));
    }

    @Test
    void aBrokenSectionIsOneProblemAndTheRestIsStillChecked() {
        List<Problem> found = problems("name: x\nnetwork: 3\nhyperparameters: {gamma: 2}\n");
        // a missing key sorts after the keys of its mapping
        assertEquals(List.of("network", "hyperparameters.gamma", "algorithm"), fields(found));
        assertEquals("must be a mapping of keys to values", found.get(0).message());
        assertEquals(List.of("network", "hyperparameters"), fields(problems("name: x\nalgorithm: mt-ppo\n")));
    }

    @Test
    void aCriticKeyOfACriticFreeAlgorithmIsOneProblemNotAlsoAnUnknownKey() {
        List<Problem> found = problems("name: g\nalgorithm: mt-grpo\nnetwork: {critic_hidden: [8]}\n"
                + "hyperparameters:\n  critic_coef: 2\n  gae_lambda: 0.9\n  typo: 1\n");
        assertEquals(List.of("network.critic_hidden", "hyperparameters.critic_coef", "hyperparameters.gae_lambda", "hyperparameters.typo"),
                fields(found));
        assertEquals("mt-grpo has no critic; remove this key", found.get(1).message());
        assertFalse(found.get(3).message().contains("critic_coef"), "a rejected key is not listed as allowed: " + found.get(3).message());
    }

    @Test
    void everyBadListEntryIsReported() {
        List<Problem> found = problems(VALID.replace("[64, 64]", "[0, 64, x, 18446744073709551680]"));
        assertEquals(List.of("network.actor_hidden[0]", "network.actor_hidden[2]", "network.actor_hidden[3]"), fields(found));
        // 2^64 + 64: asInt() would wrap it around to 64
        assertEquals("must be a whole number in [1, 4096]; got '18446744073709551680'", found.get(2).message());
    }

    @Test
    void benchmarksReportEveryProblemToo() {
        String yaml = "name: b\nprotocol_version: 1\nsuite: mt50\nvariant: rand\n"
                + "tiers:\n  smoke: {seeds: [1, 2], frames: 0}\n  standard: {seeds: [1, 1, x, 2, 3], frames: 10}\n  nightly: {}\n";
        List<Problem> found = benchmarkProblems(yaml);
        assertEquals(List.of("protocol_version", "suite", "tiers.smoke.seeds", "tiers.smoke.frames", "tiers.standard.seeds[2]",
                "tiers.nightly"), fields(found));
        assertTrue(found.get(0).message().startsWith("must be 2, the only protocol this engine runs"), found.get(0).message());
        assertEquals("2", found.get(0).allowed());
        assertEquals(new Problem("tiers.smoke.seeds", "must list 3 distinct seeds; got [1, 2]", "3 distinct whole numbers"), found.get(2));
        assertEquals(List.of("tiers.nightly", "tiers"), fields(benchmarkProblems(
                "name: b\nprotocol_version: 2\nsuite: mt10\nvariant: rand\ntiers:\n  nightly: {seeds: [1], frames: 100}\n")));
        assertEquals(List.of("protocol_version", "tiers"), fields(benchmarkProblems("name: b\nsuite: mt10\nvariant: rand\n")));
    }

    @Test
    void aValidSubmissionStillParses() {
        Submission s = RecipeFiles.parseSubmission(VALID, "test");
        assertEquals("test", s.name());
        assertEquals(List.of(64, 64), s.network().actorHidden());
        assertEquals(0.001, s.hyperparameters().learningRate());
        // a key with no value is absent, so its default applies
        assertEquals(0.99, RecipeFiles.parseSubmission(VALID + "  gamma:\n", "test").hyperparameters().gamma());
    }

    @Test
    void oneProblemKeepsTheMessageItAlwaysHad() {
        ConfigException e = assertThrows(ConfigException.class, () -> RecipeFiles.parseSubmission(VALID.replace("0.001", "-0.1"), "test"));
        assertEquals("hyperparameters.learning_rate: must be in (0.0, 1.0]; got -0.1", e.getMessage());
        assertEquals(1, e.problems().size());

        ConfigException made = new ConfigException("seed", "must be one of 1, 2; got 3");
        assertEquals("seed: must be one of 1, 2; got 3", made.getMessage());
        assertEquals(List.of(new Problem("seed", "must be one of 1, 2; got 3", "")), made.problems());
        assertEquals("x.yaml: no such file", new ConfigException("", "x.yaml: no such file").getMessage());
        assertEquals("", new Problem("a", "b", null).allowed());
        assertThrows(IllegalArgumentException.class, () -> new ConfigException(List.of()));
    }
}
