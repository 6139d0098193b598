package org.mtboard.reproduce

import com.fasterxml.jackson.databind.ObjectMapper
import java.io.PrintWriter
import java.io.StringWriter
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class CliTest {
    private data class Outcome(val code: Int, val out: String, val err: String)

    private fun mtboard(vararg args: String): Outcome {
        val out = StringWriter()
        val err = StringWriter()
        val code = Cli.run(arrayOf(*args), PrintWriter(out, true), PrintWriter(err, true))
        return Outcome(code, out.toString(), err.toString())
    }

    private fun assertUsageError(outcome: Outcome, vararg mentions: String) {
        assertEquals(Cli.USAGE_ERROR, outcome.code, outcome.err)
        val lines = outcome.err.trim().lines()
        assertEquals(1, lines.size, "one-line error, got: ${outcome.err}")
        mentions.forEach { assertTrue(lines[0].contains(it), "error should mention '$it': ${lines[0]}") }
        assertFalse(outcome.err.contains("Exception"), outcome.err)
        assertEquals("", outcome.out)
    }

    @Test
    fun simCheckPrintsPerTaskFiguresAsJson() {
        val outcome = mtboard("sim", "check", "--suite", "mt10", "--policy", "scripted", "--episodes-per-task", "20", "--seed", "3", "--json")
        assertEquals(0, outcome.code, outcome.err)
        val json = ObjectMapper().readTree(outcome.out)
        assertEquals("mt10", json["suite"].asText())
        assertEquals("scripted", json["policy"].asText())
        assertEquals(10, json["tasks"].size())
        val reach = json["tasks"]["reach-v2"]
        assertTrue(reach["success_rate"].asDouble() >= 0.9, outcome.out)
        assertTrue(reach["mean_return"].asDouble() > 0.0, outcome.out)
    }

    @Test
    fun simBenchPrintsThroughputAsJson() {
        val outcome = mtboard("sim", "bench", "--suite", "mt10", "--envs", "100", "--steps", "20", "--warmup", "0", "--backend", "cpu", "--threads", "2", "--json")
        assertEquals(0, outcome.code, outcome.err)
        val json = ObjectMapper().readTree(outcome.out)
        assertEquals("cpu", json["backend"].asText())
        assertEquals(100, json["envs"].asInt())
        assertEquals(20, json["steps"].asInt())
        assertEquals(2, json["threads"].asInt())
        assertTrue(json["env_steps_per_s"].asDouble() > 0.0)
    }

    @Test
    fun unknownSuiteTaskOrBackendIsAUsageError() {
        assertUsageError(mtboard("sim", "check", "--suite", "mt11"), "--suite", "mt11", "mt10")
        assertUsageError(mtboard("sim", "check", "--suite", "reach-v2,no-such-task"), "--suite", "no-such-task")
        assertUsageError(mtboard("sim", "check", "--suite", "assembly-v2"), "--suite", "not implemented")
        assertUsageError(mtboard("sim", "bench", "--backend", "tpu"), "--backend", "tpu", "cpu")
        assertUsageError(mtboard("sim", "check", "--policy", "greedy"), "--policy", "scripted, random")
    }

    @Test
    fun badNumbersAreUsageErrors() {
        assertUsageError(mtboard("sim", "bench", "--envs", "abc"), "--envs", "abc")
        assertUsageError(mtboard("sim", "bench", "--envs", "5"), "--envs", "at least 10")
        assertUsageError(mtboard("sim", "bench", "--steps", "0"), "--steps", "at least 1")
        assertUsageError(mtboard("sim", "check", "--episodes-per-task", "-3"), "--episodes-per-task")
        assertUsageError(mtboard("sim", "check", "--threads", "0"), "--threads")
        assertUsageError(mtboard("sim", "check", "--seed", "1.5"), "--seed")
    }

    @Test
    fun missingOrUnknownCommandIsAUsageError() {
        assertUsageError(mtboard(), "command")
        assertUsageError(mtboard("sim"), "check, bench")
        assertUsageError(mtboard("sim", "launch"), "launch")
    }
}
