package org.mtboard.engine.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Text the service receives from anyone: whatever it is, parsing ends within two seconds in a
 * ConfigException that names the field, or the whole text (field ""), and says what was wrong.
 */
class HostileTextTest {
    private static final String VALID = "name: t\nalgorithm: mt-ppo\nnetwork: {actor_hidden: [32]}\nhyperparameters: {learning_rate: 0.001}\n";

    /** The ConfigException the text gives, within two seconds, as a submission and (where asked) as a benchmark. */
    private static ConfigException refused(String text) {
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                RecipeFiles.parseSubmission(text, "request body");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        if (!(thrown instanceof ConfigException e)) {
            throw new AssertionError("expected a ConfigException, got " + thrown, thrown);
        }
        return e;
    }

    private static void refusedAsBenchmarkToo(String text, String mention) {
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try {
                RecipeFiles.parseBenchmark(text, "request body");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        assertTrue(thrown instanceof ConfigException && thrown.getMessage().contains(mention), String.valueOf(thrown));
    }

    private static void assertWholeText(ConfigException e, String mention) {
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("", e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("request body: "), "not naming the source: " + e.getMessage());
        assertTrue(e.getMessage().contains(mention), "'" + mention + "' missing from: " + e.getMessage());
    }

    private static void assertField(ConfigException e, String field, String mention) {
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.problems().get(0).message().contains(mention), "'" + mention + "' missing from: " + e.getMessage());
    }

    @Test
    void billionLaughsIsRefusedAtItsFirstAlias() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            StringJoiner refs = new StringJoiner(", ", "[", "]");
            for (int k = 0; k < 9; k++) {
                refs.add("*a" + (level - 1));
            }
            bomb.append('a').append(level).append(": &a").append(level).append(' ').append(refs).append('\n');
        }
        ConfigException e = refused(bomb.toString());
        assertField(e, "a1[0]", "is a YAML alias (*a0 at line 2)");
        refusedAsBenchmarkToo(bomb.toString(), "YAML alias");
        // an alias that looks useful is refused as well: Jackson would read it as the text "lr"
        assertField(refused(VALID.replace("{learning_rate: 0.001}", "{learning_rate: &lr 0.001, clip: *lr}")),
                "hyperparameters.clip", "aliases are not supported");
        assertWholeText(refused("*a"), "is a YAML alias");
    }

    @Test
    void deepNestingStopsAtTheDepthLimit() {
        int depth = 10_000;
        assertWholeText(refused("[".repeat(depth) + "]".repeat(depth)), "nesting depth");
        assertWholeText(refused("{a: ".repeat(depth) + "1" + "}".repeat(depth)), "nesting depth");
        StringBuilder block = new StringBuilder();
        for (int k = 0; k < 200; k++) {
            block.append(" ".repeat(k)).append("a:\n");
        }
        assertWholeText(refused(block.toString()), "refused by a reading limit");
        refusedAsBenchmarkToo("[".repeat(depth) + "]".repeat(depth), "nesting depth");
    }

    @Test
    void hugeTextIsRefusedBeforeItIsRead() {
        ConfigException e = refused("name: " + "x".repeat(10_000_000) + "\n");
        assertWholeText(e, "too long (10000007 characters; at most " + RecipeFiles.MAX_CODE_POINTS + " are read)");
        assertWholeText(refused("x".repeat(10_000_000)), "too long");
        // under the limit a long value is read, and a message shows it cut short
        ConfigException longValue = refused(VALID.replace("0.001", "x".repeat(200_000)));
        assertField(longValue, "hyperparameters.learning_rate", "(200000 characters)");
        assertTrue(longValue.getMessage().length() < 200, longValue.getMessage());
    }

    @Test
    void outOfRangeNumbersNameTheirField() {
        for (String n : new String[] {"1e400", "-1", "99999999999999999999999", "18446744073709551617", "-1e400", "1.5"}) {
            assertField(refused(VALID.replace("{learning_rate: 0.001}", "{mini_epochs: " + n + "}")), "hyperparameters.mini_epochs", n.equals("1.5") ? "whole number" : "must be");
            assertField(refused(VALID.replace("{learning_rate: 0.001}", "{num_envs: " + n + "}")), "hyperparameters.num_envs", "");
            assertField(refused(VALID.replace("[32]", "[" + n + "]")), "network.actor_hidden[0]", "whole number in [1, 4096]");
        }
        assertField(refused(VALID.replace("0.001", "1e400")), "hyperparameters.learning_rate", "must be in (0.0, 1.0]; got Infinity");
    }

    @Test
    void notANumberAndInfinityNameTheirField() {
        for (String n : new String[] {".nan", ".NaN", ".inf", "-.inf", "+.Inf"}) {
            ConfigException e = refused(VALID.replace("0.001", n));
            assertField(e, "hyperparameters.learning_rate", "got '" + n + "', which is not a finite number");
            assertEquals("a finite number, or quoted text", e.problems().get(0).allowed());
            assertField(refused(VALID.replace("{learning_rate: 0.001}", "{mini_epochs: " + n + "}")), "hyperparameters.mini_epochs",
                    "not a finite number");
        }
        assertField(refused(VALID.replace("0.001", "NaN")), "hyperparameters.learning_rate", "must be a number in (0.0, 1.0]; got 'NaN'");
        assertWholeText(refused(".nan"), "not a finite number");
    }

    @Test
    void aDocumentThatIsNotAMappingIsRefusedAsAWhole() {
        for (String text : new String[] {"- name: t\n- algorithm: mt-ppo\n", "[1, 2]", "hello", "42", "true"}) {
            ConfigException e = refused(text);
            assertEquals(1, e.problems().size(), e.getMessage());
            assertEquals("", e.field());
            assertEquals("must be a mapping of keys to values", e.getMessage());
        }
    }

    @Test
    void emptyTextIsRefused() {
        for (String text : new String[] {"", "   \n\n", "# only a comment\n", "---\n", "null"}) {
            assertWholeText(refused(text), "request body: empty");
            refusedAsBenchmarkToo(text, "request body: empty");
        }
    }

    @Test
    void severalDocumentsAreRefused() {
        assertWholeText(refused(VALID + "---\n" + VALID), "holds more than one YAML document (another starts at line 6)");
        assertWholeText(refused(VALID + "---\n"), "more than one YAML document");
        assertWholeText(refused("---\n" + VALID + "...\n---\nname: other\n"), "more than one YAML document");
        // a document marker in front of the one document is fine
        assertEquals("t", RecipeFiles.parseSubmission("---\n" + VALID, "request body").name());
    }

    @Test
    void brokenTextIsNotValidYaml() {
        for (String text : new String[] {"name: [", "{", "a: b: c", "\tname: t", "name: \"unterminated", "name: t\u0000\u0001\n",
                "name: \uD800\n", "? [a, b]\n: 1\n", "!!binary 3q2+7w==", "name: !!java.lang.Runtime x\n"}) {
            refused(text);
        }
        for (String text : new String[] {"name: [", "{", "a: b: c", "\tname: t", "name: \"unterminated"}) {
            assertWholeText(refused(text), "not valid YAML at line 1");
        }
    }

    @Test
    void veryLongKeysAreRefusedAsAWhole() {
        // YAML limits a plain key to 1024 characters
        assertWholeText(refused("k".repeat(100_000) + ": 1\n"), "not valid YAML at line 1");
    }
}
