package org.mtboard.reproduce.client

import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.mtboard.reproduce.client.FakeService.Companion.env
import org.mtboard.reproduce.client.FakeService.Companion.mtboard

/**
 * `mtboard board` against [FakeService]: checks the client only (request, table, --json/--csv,
 * exit codes) per the service contract.
 */
class BoardCliTest {
    @TempDir
    lateinit var home: Path

    private fun entry(rank: Int?, tier: Int?, id: Int, method: String, mean: Double?, frames: Long, wallS: Double, done: Int) = """
        {"rank": $rank, "rank_tier": $tier, "id": $id, "method": "$method", "algorithm": "mt-ppo", "origin": "service",
         "seeds_done": $done, "seeds_total": 3,
         "mean": ${if (mean == null) null else """{"point": $mean, "lo": ${mean - 0.0312}, "hi": ${mean + 0.0311}}"""},
         "median": {"point": 0.6, "lo": 0.5, "hi": 0.7},
         "iqm": {"point": 0.6543, "lo": 0.6012, "hi": 0.7}, "optimality_gap": {"point": 0.3881, "lo": 0.35, "hi": 0.42},
         "mean_return": 1234.5, "frames": $frames, "wall_s": $wallS, "cpu_hours": 3.2, "gpu_hours": 0.0, "fps": 3500.0,
         "submitted_at": "2025-02-27T17:45:00Z", "reproduction": null}"""

    private val board = """{"benchmark": "mt10-rand", "protocol_version": 2, "tier": "smoke", "computed_at": "2025-03-01T08:30:00Z",
        "entries": [${entry(1, 1, 12, "MT-PPO (thesis)", 0.6123, 45_023_232, 4320.0, 3)},
                    ${entry(2, 1, 7, "grpo", 0.05, 15_007_744, 725.4, 3)},
                    ${entry(null, null, 30, "new", null, 950, 45.0, 0)}]}"""

    @Test
    fun printsAnAlignedTable() = FakeService().use { s ->
        s.answer(200, board)
        val (code, out, err) = mtboard(env(emptyMap(), home), "board", "mt10-rand", "--tier", "smoke", "--server", s.url)
        assertEquals(0, code, err)
        assertEquals("""
            mt10-rand/smoke, protocol 2, computed 2025-03-01T08:30:00Z

            rank  tier   id  method           algorithm  mean [lo, hi]       IQM [lo, hi]        opt. gap  seeds  frames    wall  submitted
               1     1  #12  MT-PPO (thesis)  mt-ppo     61.2% [58.1, 64.3]  65.4% [60.1, 70.0]     38.8%    3/3   45.0M   1h12m  2025-02-27
               2     1   #7  grpo             mt-ppo     5.0% [1.9, 8.1]     65.4% [60.1, 70.0]     38.8%    3/3   15.0M  12m05s  2025-02-27
               -     -  #30  new              mt-ppo     -                   65.4% [60.1, 70.0]     38.8%    0/3     950     45s  2025-02-27
        """.trimIndent() + "\n", out)
        val r = s.requests.single()
        assertEquals("GET", r.method)
        assertEquals("/api/leaderboards/mt10-rand", r.path)
        assertEquals(mapOf("tier" to "smoke"), r.query)
        assertEquals("application/json", r.header("Accept"))
        assertNull(r.header("Authorization"))
    }

    @Test
    fun sortAndOrderAreSentAndJsonIsPrintedAsIs() = FakeService().use { s ->
        s.answer(200, board)
        val (code, out, _) = mtboard(env(mapOf("MTBOARD_TOKEN" to "t"), home), "board", "mt10-rand", "--tier", "smoke",
            "--sort", "mean", "--order", "asc", "--json", "--server", s.url)
        assertEquals(0, code)
        assertEquals(board + "\n", out)
        assertEquals(mapOf("tier" to "smoke", "sort" to "mean", "order" to "asc"), s.requests.single().query)
        assertEquals("Bearer t", s.requests.single().header("Authorization"))
    }

    @Test
    fun csvAsksForCsvAndPrintsItAsIs() = FakeService().use { s ->
        val csv = "rank,id,method\n1,12,MT-PPO\n"
        s.answer(200, csv, "text/csv")
        val (code, out, _) = mtboard(env(emptyMap(), home), "board", "mt10-rand", "--tier", "smoke", "--csv", "--server", s.url)
        assertEquals(0, code)
        assertEquals(csv, out)
        assertEquals("text/csv", s.requests.single().header("Accept"))
    }

    @Test
    fun emptyBoardSaysSo() = FakeService().use { s ->
        s.answer(200, """{"benchmark": "mt10-rand", "protocol_version": 2, "tier": "official", "computed_at": "2025-03-01T08:30:00Z", "entries": []}""")
        val (code, out, _) = mtboard(env(emptyMap(), home), "board", "mt10-rand", "--tier", "official", "--server", s.url)
        assertEquals(0, code)
        assertEquals("no entries yet on mt10-rand/official\n", out)
    }

    @Test
    fun badInputExitsTwo() = FakeService().use { s ->
        s.answer(404, """{"error": "unknown benchmark 'mt11'", "problems": [{"field": "benchmark", "message": "unknown", "allowed": ["mt10-rand"]}]}""")
        val unknown = mtboard(env(emptyMap(), home), "board", "mt11", "--tier", "smoke", "--server", s.url)
        assertEquals(2, unknown.code)
        assertEquals("mtboard: error: unknown benchmark 'mt11'\n  benchmark: unknown (allowed: mt10-rand)\n", unknown.err)
        val order = mtboard(env(emptyMap(), home), "board", "mt10-rand", "--tier", "smoke", "--order", "up", "--server", s.url)
        assertEquals(2, order.code)
        assertTrue(order.err.startsWith("mtboard: error: --order must be one of asc, desc; got 'up'"), order.err)
        val both = mtboard(env(emptyMap(), home), "board", "mt10-rand", "--tier", "smoke", "--json", "--csv", "--server", s.url)
        assertEquals(2, both.code)
        assertEquals(1, s.requests.size, "bad options send nothing")
    }
}
