package org.mtboard.reproduce.repro

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.mtboard.reproduce.CliHarness.assertUsageError
import org.mtboard.reproduce.CliHarness.mtboard

/** `mtboard reproduce replay` and `check` on short runs of a small submission. */
class ReproduceCliTest {
    @TempDir
    lateinit var dir: Path

    private val root: Path = Path.of("..").toAbsolutePath().normalize()
    private val benchmark = root.resolve("submissions/benchmarks/mt10-rand.yaml").toString()

    private fun submission(name: String, learningRate: String): Path {
        val file = dir.resolve("$name.yaml")
        Files.writeString(file, """
            name: tiny
            algorithm: mt-ppo
            network: {actor_hidden: [32], critic_hidden: [32]}
            hyperparameters: {mini_epochs: 1, minibatches: 2, learning_rate: $learningRate}
        """.trimIndent())
        return file
    }

    private fun train(config: Path, seed: Int, out: Path, epochs: Int) {
        val (code, _, err) = mtboard("train", config.toString(), "--benchmark", benchmark, "--tier", "smoke", "--seed", "$seed",
            "--out", out.toString(), "--max-epochs", "$epochs")
        assertEquals(0, code, err)
    }

    @Test
    fun aFreshRunAndItsReplayAgreeBitForBitAndAChangedHyperparameterFailsWithTheDiff() {
        val config = submission("tiny", "3.0e-4")
        val run = dir.resolve("run")
        train(config, 101, run, 4)
        val same = mtboard("reproduce", "replay", run.toString(), "--config", config.toString(), "--benchmark", benchmark,
            "--work", dir.resolve("replay").toString(), "--threads", "1")
        assertEquals(0, same.code, same.out + same.err)
        assertTrue(same.out.startsWith("IDENTICAL: checksum "), same.out)

        val changed = submission("changed", "6.0e-4")
        val other = mtboard("reproduce", "replay", run.toString(), "--config", changed.toString(), "--benchmark", benchmark,
            "--work", dir.resolve("replay2").toString())
        assertEquals(1, other.code, other.out + other.err)
        assertTrue(other.err.contains("warning: the config"), other.err)
        assertTrue(other.out.startsWith("DIFFERS from"), other.out)
        // the first update already differs: its parameters' digest and loss say so, then the per-task scores
        assertTrue(other.out.contains("first differing epoch: 0"), other.out)
        assertTrue(other.out.contains("params_sha"), other.out)
        assertTrue(other.out.contains("reach-v2"), other.out)

        // the first epochs alone: a quick bit-exact check of a longer run
        val quick = mtboard("reproduce", "replay", run.toString(), "--config", config.toString(), "--benchmark", benchmark,
            "--max-epochs", "2", "--work", dir.resolve("replay3").toString(), "--json")
        assertEquals(0, quick.code, quick.out + quick.err)
        val json = ObjectMapper().readTree(quick.out)
        assertEquals(true, json["identical"].asBoolean())
        assertEquals(2, json["epochs_compared"].asInt())
    }

    @Test
    fun checkOfAResultSetIsBitExactOnItsSeedsAndWritesJUnit() {
        val config = submission("tiny", "3.0e-4")
        val set = dir.resolve("set")
        train(config, 101, set.resolve("seed-101"), 2)
        train(config, 102, set.resolve("seed-102"), 2)
        val junit = dir.resolve("reports/reproduce.xml")
        val ok = mtboard("reproduce", "check", "--result", set.toString(), "--config", config.toString(), "--benchmark", benchmark,
            "--seeds", "102", "--work", dir.resolve("work").toString(), "--junit", junit.toString(), "--json")
        assertEquals(0, ok.code, ok.out + ok.err)
        val verdict = ObjectMapper().readTree(ok.out)
        assertEquals("reproduced bit-exact", verdict["outcome"].asText())
        assertEquals("bit-exact", verdict["mode"].asText())
        val xml = Files.readString(junit)
        assertTrue(xml.contains("name=\"seed 102: checksum\"") && xml.contains("name=\"task reach-v2\"") && !xml.contains("<failure"), xml)

        // the same seed with another learning rate: the checksum differs, exit 1, the JUnit case fails
        val changed = submission("changed", "6.0e-4")
        val bad = mtboard("reproduce", "check", "--result", set.toString(), "--config", changed.toString(), "--benchmark", benchmark,
            "--seeds", "102", "--work", dir.resolve("work2").toString(), "--junit", junit.toString())
        assertEquals(1, bad.code, bad.out + bad.err)
        assertTrue(bad.out.startsWith("NOT REPRODUCED (bit-exact)"), bad.out)
        assertTrue(Files.readString(junit).contains("<failure message=\"checksum "))
    }

    @Test
    fun badInputIsAUsageErrorNamingTheOption() {
        val config = submission("tiny", "3.0e-4")
        val set = dir.resolve("set")
        train(config, 101, set.resolve("seed-101"), 1)
        assertUsageError(mtboard("reproduce", "check", "--result", dir.resolve("nowhere").toString()), "--result", "not a directory")
        assertUsageError(mtboard("reproduce", "check", "--result", set.toString()), "--config is required")
        // seeds the original never ran: statistical, and one original run needs many re-runs to be able to fail
        assertUsageError(mtboard("reproduce", "check", "--result", set.toString(), "--config", config.toString(), "--benchmark", benchmark,
            "--seeds", "7,8"), "--seeds", "statistical", "at least")
        assertUsageError(mtboard("reproduce", "check", "--result", set.toString(), "--config", config.toString(), "--backend", "tpu"), "--backend")
        assertUsageError(mtboard("reproduce", "check", "--entry", "not-an-entry"), "--entry")
        assertUsageError(mtboard("reproduce", "replay", dir.toString()), "DIR", "no result.json")
    }
}
