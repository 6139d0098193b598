package org.mtboard.reproduce

import com.fasterxml.jackson.databind.ObjectMapper
import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

class SubmissionCliTest {
    @TempDir
    lateinit var dir: Path

    private val root: Path = Path.of("..").toAbsolutePath().normalize()
    private val benchmark = root.resolve("submissions/benchmarks/mt10-rand.yaml").toString()

    private fun mtboard(vararg args: String): Triple<Int, String, String> {
        val out = StringWriter()
        val err = StringWriter()
        val code = Cli.run(arrayOf(*args), PrintWriter(out, true), PrintWriter(err, true))
        return Triple(code, out.toString(), err.toString())
    }

    @Test
    fun baselinesAreValidAndTheTierSetsSeedsAndEnvs() {
        val (code, out, err) = mtboard("submission", "check", root.resolve("submissions/baselines/mt-ppo.yaml").toString(),
            "--benchmark", benchmark, "--tier", "smoke", "--json")
        assertEquals(0, code, err)
        val json = ObjectMapper().readTree(out)
        assertEquals("mt-ppo", json["algorithm"].asText())
        assertEquals(listOf(101, 102, 103), json["seeds"].map { it.asInt() })
        assertEquals(1024, json["num_envs"].asInt())
        assertEquals(32 * 1024, json["frames_per_epoch"].asInt())
        assertEquals(0.95, json["hyperparameters"]["gae_lambda"].asDouble())
    }

    @Test
    fun invalidSubmissionsExitTwoNamingTheField() {
        fun check(name: String, yaml: String, vararg mentions: String) {
            val file = dir.resolve(name)
            Files.writeString(file, yaml)
            val (code, out, err) = mtboard("submission", "check", file.toString(), "--benchmark", benchmark)
            assertEquals(Cli.USAGE_ERROR, code, err)
            assertEquals("", out)
            assertEquals(1, err.trim().lines().size, err)
            mentions.forEach { assertTrue(err.contains(it), "'$it' missing from: $err") }
        }
        check("missing.yaml", "name: x\nnetwork: {}\nhyperparameters: {}\n", "algorithm: is required")
        check("negative.yaml", "name: x\nalgorithm: mt-ppo\nnetwork: {}\nhyperparameters:\n  learning_rate: -1\n",
            "hyperparameters.learning_rate", "(0.0, 1.0]")
        check("unknown.yaml", "name: x\nalgorithm: mt-ppo\nnetwork: {}\nhyperparameters:\n  lr: 0.1\n", "hyperparameters.lr: unknown key")
        check("broken.yaml", "name: [x\n", "not valid YAML", "line 1")
        val (code, _, err) = mtboard("submission", "check", root.resolve("submissions/baselines/mt-ppo.yaml").toString(),
            "--benchmark", benchmark, "--tier", "nightly")
        assertEquals(Cli.USAGE_ERROR, code)
        assertTrue(err.contains("--tier must be one of smoke, standard, official"), err)
    }
}
