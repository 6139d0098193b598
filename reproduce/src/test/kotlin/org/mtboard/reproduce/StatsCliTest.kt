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

class StatsCliTest {
    @TempDir
    lateinit var dir: Path

    private fun csv(name: String, vararg lines: String): String {
        val file = dir.resolve(name)
        Files.writeString(file, lines.joinToString("\n", postfix = "\n"))
        return file.toString()
    }

    private val scoresA get() = csv("a.csv", "reach-v2,push-v2,door-open-v2", "1.0,0.5,0.25", "0.75,0.5,0.0", "1.0,0.25,0.5")
    private val scoresB get() = csv("b.csv", "reach-v2,push-v2,door-open-v2", "0.5,0.25,0.25", "0.25,0.0,0.0")

    @Test
    fun aggregateReportsEveryMetricWithItsProvenance() {
        val outcome = mtboard("stats", "aggregate", "--scores", scoresA, "--reps", "2000", "--seed", "4", "--gamma", "0.9", "--json")
        assertEquals(0, outcome.code, outcome.err)
        val json = ObjectMapper().readTree(outcome.out)
        for (metric in listOf("mean", "median", "iqm", "optimality_gap")) {
            val m = json[metric]
            assertTrue(m["ci_low"].asDouble() <= m["ci_high"].asDouble(), outcome.out)
        }
        // Task means 11/12, 5/12, 1/4: mean 19/36.
        assertEquals(19.0 / 36, json["mean"]["point"].asDouble(), 1e-12)
        assertEquals(2000, json["reps"].asInt())
        assertEquals(4, json["seed"].asInt())
        assertEquals("percentile", json["method"].asText())
        assertEquals(3, json["n_runs"].asInt())
        // Same seed, same figures.
        assertEquals(outcome.out, mtboard("stats", "aggregate", "--scores", scoresA, "--reps", "2000", "--seed", "4", "--gamma", "0.9", "--json").out)
    }

    @Test
    fun poiAndProfile() {
        val poi = mtboard("stats", "poi", "--x", scoresA, "--y", scoresB, "--reps", "500", "--json")
        assertEquals(0, poi.code, poi.err)
        val p = ObjectMapper().readTree(poi.out)
        // reach: x {1, .75, 1} vs y {.5, .25}: all 6 pairs won -> 1.
        assertEquals(1.0, p["per_task"]["reach-v2"].asDouble(), 0.0)
        assertTrue(p["point"].asDouble() > 0.5)
        val profile = mtboard("stats", "profile", "--scores", scoresA, "--taus", "0,0.5,1", "--reps", "500", "--json")
        assertEquals(0, profile.code, profile.err)
        val pr = ObjectMapper().readTree(profile.out)
        // 9 scores, one of them 0: 8 above 0, 3 above 0.5 (1, 0.75, 1), none above 1.
        assertEquals(listOf(8.0 / 9, 3.0 / 9, 0.0), pr["point"].map { it.asDouble() })
        assertEquals(3, pr["ci_low"].size())
    }

    @Test
    fun malformedInputNamesTheLineAndColumn() {
        assertUsageError(mtboard("stats", "aggregate", "--scores", csv("bad.csv", "a,b", "1,2", "0.5,zero")), "line 3, column 2", "'zero'")
        assertUsageError(mtboard("stats", "aggregate", "--scores", csv("nan.csv", "a,b", "NaN,1")), "line 2, column 1", "finite")
        assertUsageError(mtboard("stats", "aggregate", "--scores", csv("ragged.csv", "a,b", "1,2", "1")), "line 3", "2 tasks")
        assertUsageError(mtboard("stats", "aggregate", "--scores", dir.resolve("missing.csv").toString()), "no such file")
        assertUsageError(mtboard("stats", "poi", "--x", scoresA, "--y", csv("other.csv", "x,y,z", "1,1,1")), "same tasks")
        assertUsageError(mtboard("stats", "aggregate", "--scores", scoresA, "--method", "norm"), "--method", "percentile, basic, bc, bca")
        assertUsageError(mtboard("stats", "aggregate", "--scores", scoresA, "--confidence", "1.5"), "--confidence")
        assertUsageError(mtboard("stats", "aggregate", "--scores", scoresA, "--reps", "0"), "--reps")
        assertUsageError(mtboard("stats", "profile", "--scores", scoresA, "--taus", "0,,1"), "--taus", "value 2")
        assertUsageError(mtboard("stats", "aggregate"), "--scores")
    }

    @Test
    fun biasCorrectionOnDegenerateDataIsAUsageError() {
        val constant = csv("constant.csv", "a,b", "0.5,0.5", "0.5,0.5")
        assertEquals(0, mtboard("stats", "aggregate", "--scores", constant, "--reps", "100").code)
        assertUsageError(mtboard("stats", "aggregate", "--scores", constant, "--reps", "100", "--method", "bc"), "--method", "percentile")
    }
}
