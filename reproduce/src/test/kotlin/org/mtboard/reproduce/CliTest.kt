package org.mtboard.reproduce

import com.fasterxml.jackson.databind.ObjectMapper
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.mtboard.reproduce.CliHarness.assertUsageError
import org.mtboard.reproduce.CliHarness.mtboard

class CliTest {
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
