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
}
