package org.mtboard.reproduce

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.mtboard.reproduce.CliHarness.assertUsageError
import org.mtboard.reproduce.CliHarness.mtboard

class SubmissionCliTest {
    @TempDir
    lateinit var dir: Path

    private val root: Path = Path.of("..").toAbsolutePath().normalize()
    private val benchmark = root.resolve("submissions/benchmarks/mt10-rand.yaml").toString()

    @Test
    fun baselinesAreValidAndTheTierSetsSeedsAndEnvs() {
        val (code, out, err) = mtboard("submission", "check", root.resolve("submissions/baselines/mt-ppo.yaml").toString(),
            "--benchmark", benchmark, "--tier", "smoke", "--json")
        assertEquals(0, code, err)
        val json = ObjectMapper().readTree(out)
        assertEquals("mt-ppo", json["algorithm"].asText())
        assertEquals(listOf(101, 102, 103), json["seeds"].map { it.asInt() })
        assertEquals(256, json["num_envs"].asInt())
        assertEquals(32 * 256, json["frames_per_epoch"].asInt())
        assertEquals(0.95, json["hyperparameters"]["gae_lambda"].asDouble())
    }

    @Test
    fun invalidSubmissionsExitTwoNamingTheField() {
        fun check(name: String, yaml: String, vararg mentions: String) {
            val file = dir.resolve(name)
            Files.writeString(file, yaml)
            assertUsageError(mtboard("submission", "check", file.toString(), "--benchmark", benchmark), *mentions)
        }
        check("missing.yaml", "name: x\nnetwork: {}\nhyperparameters: {}\n", "algorithm: is required")
        check("negative.yaml", "name: x\nalgorithm: mt-ppo\nnetwork: {}\nhyperparameters:\n  learning_rate: -1\n",
            "hyperparameters.learning_rate", "(0.0, 1.0]")
        check("unknown.yaml", "name: x\nalgorithm: mt-ppo\nnetwork: {}\nhyperparameters:\n  lr: 0.1\n", "hyperparameters.lr: unknown key")
        check("broken.yaml", "name: [x\n", "not valid YAML", "line 1")
        assertUsageError(mtboard("submission", "check", root.resolve("submissions/baselines/mt-ppo.yaml").toString(),
            "--benchmark", benchmark, "--tier", "nightly"), "--tier must be one of smoke, standard, official")
    }

    @Test
    fun everyProblemOfAFileIsReportedOnALineOfItsOwn() {
        val file = dir.resolve("three.yaml")
        Files.writeString(file, "name: x\nalgorithm: ppo\nnetwork: {}\nhyperparameters:\n  lr: 0.1\n  learning_rate: 5\n")
        val (code, out, err) = mtboard("submission", "check", file.toString(), "--benchmark", benchmark)
        assertEquals(Cli.USAGE_ERROR, code, err)
        assertEquals("", out)
        val lines = err.trim().lines()
        assertEquals(listOf(
            "mtboard: error: SUBMISSION ($file): 3 problems (see 'mtboard submission check --help')",
            "  algorithm: must be one of mt-ppo, mt-grpo; got 'ppo'",
            "  hyperparameters.lr: unknown key; allowed keys here: learning_rate, gamma, gae_lambda, clip, value_clip, critic_coef, " +
                "entropy_coef, mini_epochs, minibatches, max_grad_norm, bounds_loss_coef, horizon, num_envs",
            "  hyperparameters.learning_rate: must be in (0.0, 1.0]; got 5",
        ), lines)

        val bench = dir.resolve("bench.yaml")
        Files.writeString(bench, "name: b\nprotocol_version: 1\nsuite: mt50\nvariant: rand\ntiers:\n  smoke: {seeds: [1, 2, 3], frames: 100}\n")
        val (benchCode, _, benchErr) = mtboard("submission", "check", root.resolve("submissions/baselines/mt-ppo.yaml").toString(),
            "--benchmark", bench.toString())
        assertEquals(Cli.USAGE_ERROR, benchCode, benchErr)
        val benchLines = benchErr.trim().lines()
        assertEquals(3, benchLines.size, benchErr)
        assertTrue(benchLines[0].startsWith("mtboard: error: --benchmark ($bench): 2 problems"), benchLines[0])
        assertTrue(benchLines[1].startsWith("  protocol_version: must be 2"), benchLines[1])
        assertEquals("  suite: must be one of mt10; got 'mt50'", benchLines[2])
    }
}
