package org.mtboard.reproduce

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.mtboard.reproduce.CliHarness.assertUsageError
import org.mtboard.engine.nn.NetworkDevice
import org.mtboard.engine.run.RunManifest
import org.mtboard.engine.sim.cuda.CudaProbe
import org.mtboard.reproduce.CliHarness.mtboard

class TrainCliTest {
    @TempDir
    lateinit var dir: Path

    private val root: Path = Path.of("..").toAbsolutePath().normalize()
    private val benchmark = root.resolve("submissions/benchmarks/mt10-rand.yaml").toString()

    /** A small submission so the test trains in seconds; the tier still fixes seeds and env count. */
    private fun tinySubmission(): String {
        val file = dir.resolve("tiny.yaml")
        Files.writeString(file, """
            name: tiny
            algorithm: mt-ppo
            network: {actor_hidden: [32], critic_hidden: [32]}
            hyperparameters: {mini_epochs: 1, minibatches: 2}
        """.trimIndent())
        return file.toString()
    }

    @Test
    fun trainWritesResultAndCurveWithProgressOnStderr() {
        val out = dir.resolve("run")
        val (code, stdout, stderr) = mtboard("train", tinySubmission(), "--benchmark", benchmark, "--tier", "smoke",
            "--seed", "101", "--out", out.toString(), "--max-epochs", "5", "--json")
        assertEquals(0, code, stderr)
        val json = ObjectMapper().readTree(stdout)
        assertEquals(10, json["per_task"].size())
        assertTrue(json["per_task"]["reach-v2"].has("success_rate"))
        assertEquals(5L * 256 * 32, json["frames"].asLong())
        assertEquals(true, json["partial"].asBoolean())
        assertEquals(64, json["checksum"].asText().length)
        assertEquals(json, ObjectMapper().readTree(Files.readString(out.resolve("result.json"))))
        // result.json is the engine's run manifest: it reads back, with where it ran and what config it was.
        val manifest = RunManifest.fromJson(Files.readString(out.resolve("result.json")))
        assertEquals(101, manifest.seed())
        assertEquals(2, manifest.protocolVersion())
        assertEquals(256, manifest.numEnvs())
        assertEquals(64, manifest.configHash().length)
        assertTrue(manifest.engineVersion().matches(Regex("\\d+\\.\\d+\\.\\d+.*")), manifest.engineVersion())
        assertTrue(manifest.device().isNotBlank() && manifest.threads() >= 1, json.toString())
        val curve = Files.readAllLines(out.resolve("curve.csv"))
        assertEquals(6, curve.size, "header + 5 epochs")
        assertTrue(curve[0].startsWith("epoch,frames,wall_s,fps,mean_success_rate"))
        assertTrue(stderr.contains("epoch 5/5"), stderr)
        assertTrue(Files.exists(out.resolve("checkpoint.bin")))
    }

    @Test
    fun resumedRunKeepsOneCurveRowPerEpoch() {
        val out = dir.resolve("resumed")
        val first = mtboard("train", tinySubmission(), "--benchmark", benchmark, "--tier", "smoke", "--seed", "102",
            "--out", out.toString(), "--max-epochs", "3", "--checkpoint-every", "3")
        assertEquals(0, first.code, first.err)
        assertEquals(4, Files.readAllLines(out.resolve("curve.csv")).size, "header + 3 epochs")
        val second = mtboard("train", tinySubmission(), "--benchmark", benchmark, "--tier", "smoke", "--seed", "102",
            "--out", out.toString(), "--max-epochs", "5", "--checkpoint-every", "3", "--resume")
        assertEquals(0, second.code, second.err)
        val curve = Files.readAllLines(out.resolve("curve.csv"))
        assertTrue(curve[0].contains(",loss,action_std,sr_reach-v2,"), curve[0])
        assertEquals(listOf("0", "1", "2", "3", "4"), curve.drop(1).map { it.substringBefore(',') })
        assertTrue(second.err.contains("epoch 4/5") && !second.err.contains("epoch 3/5"), "only new epochs are trained: " + second.err)
    }

    @Test
    fun invalidSubmissionOrRunArgumentsExitTwo() {
        fun assertUsage(vararg args: String, mention: String) = assertUsageError(mtboard(*args), mention)
        val bad = dir.resolve("bad.yaml")
        Files.writeString(bad, "name: x\nalgorithm: mt-ppo\nnetwork: {}\nhyperparameters:\n  learning_rate: -0.5\n")
        val out = dir.resolve("o").toString()
        assertUsage("train", bad.toString(), "--benchmark", benchmark, "--seed", "101", "--out", out, mention = "hyperparameters.learning_rate")
        assertUsage("train", tinySubmission(), "--benchmark", benchmark, "--seed", "5", "--out", out, mention = "frozen seeds [101, 102, 103]")
        assertUsage("train", tinySubmission(), "--benchmark", "mt99", "--seed", "101", "--out", out, mention = "no benchmark 'mt99'")
        if (!CudaProbe.available()) {
            assertUsage("train", tinySubmission(), "--benchmark", benchmark, "--seed", "101", "--out", out, "--backend", "cuda",
                mention = "--backend cuda: the cuda backend is not available here")
        }
        assertUsage("train", tinySubmission(), "--benchmark", benchmark, "--seed", "101", "--out", out, "--backend", "gpu",
            mention = "--backend must be one of cpu, cuda, auto; got 'gpu'")
        assertUsage("train", tinySubmission(), "--benchmark", benchmark, "--seed", "101", "--out", out, "--device", "cuda",
            mention = "--device must be one of cpu, gpu, auto; got 'cuda'")
        if (NetworkDevice.gpuUnavailableReason() != null) {
            assertUsage("train", tinySubmission(), "--benchmark", benchmark, "--seed", "101", "--out", out, "--device", "gpu",
                mention = "--device gpu: DJL's libtorch")
        }
        assertTrue(!Files.exists(dir.resolve("o")), "a refused --backend or --device writes nothing")
        assertUsage("train", tinySubmission(), "--benchmark", benchmark, "--tier", "nightly", "--seed", "101", "--out", out,
            mention = "--tier must be one of")
    }
}
