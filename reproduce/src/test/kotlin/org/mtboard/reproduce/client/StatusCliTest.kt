package org.mtboard.reproduce.client

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.mtboard.reproduce.client.FakeService.Companion.env
import org.mtboard.reproduce.client.FakeService.Companion.mtboard

/**
 * `mtboard status` (and its `--follow`) against [FakeService]: checks the client only (request,
 * header line, progress bars, errors, audit lines, exit codes) per the service contract.
 */
class StatusCliTest {
    @TempDir
    lateinit var home: Path

    companion object {
        /** Submission #12 in [status]; seed 101 at [epoch]/1832 and [frames], seed 102 failed or queued, seed 103 queued. */
        fun submission(status: String, epoch: Int, frames: Long, queue: Int?): String {
            val first = if (status == "finished") "finished" else if (status == "queued") "queued" else "running"
            val second = if (status == "failed") """{"seed": 102, "status": "failed", "attempts": 3, "worker": null, "epoch": 12,
                "epochs_total": 1832, "frames": 98304, "frames_total": 15007744, "success_rate": 0.05, "eta_s": null,
                "error": "worker lost\nafter 3 attempts"}"""
            else """{"seed": 102, "status": "${if (status == "finished") "finished" else "queued"}", "attempts": ${if (status == "finished") 1 else 0},
                "worker": null, "epoch": ${if (status == "finished") 1832 else 0}, "epochs_total": 1832,
                "frames": ${if (status == "finished") 15007744 else 0}, "frames_total": 15007744,
                "success_rate": ${if (status == "finished") 0.7 else null}, "eta_s": null, "error": null}"""
            return """{"id": 12, "method": "mt-ppo", "benchmark": "mt10-rand", "protocol_version": 2, "tier": "smoke",
                "status": "$status", "queue_position": $queue, "created_at": "2025-03-01T08:00:00Z", "finished_at": null,
                "runs": [
                  {"seed": 101, "status": "$first", "attempts": 1, "worker": "host-123", "epoch": $epoch, "epochs_total": 1832,
                   "frames": $frames, "frames_total": 15007744, "success_rate": ${if (epoch > 0) 0.612 else null},
                   "eta_s": ${if (first == "running") 662 else null}, "error": null},
                  $second
                ],
                "audit": [
                  {"at": "2025-03-01T08:00:00Z", "seed": null, "from": null, "to": "queued", "reason": "submitted"},
                  {"at": "2025-03-01T08:00:01Z", "seed": 101, "from": "queued", "to": "queued", "reason": "a"},
                  {"at": "2025-03-01T08:00:02Z", "seed": 102, "from": "queued", "to": "queued", "reason": "b"},
                  {"at": "2025-03-01T08:00:03Z", "seed": 103, "from": "queued", "to": "queued", "reason": "c"},
                  {"at": "2025-03-01T08:00:04Z", "seed": null, "from": "queued", "to": "running", "reason": "worker host-123 claimed seed 101"},
                  {"at": "2025-03-01T08:00:05Z", "seed": 101, "from": "queued", "to": "running", "reason": "attempt 1 on host-123"}
                ],
                "log_tail": ["epoch 950/1832"]}"""
        }
    }

    @Test
    fun printsAHeaderAProgressBarPerSeedErrorsAndTheLastAuditEvents() = FakeService().use { s ->
        s.answer(200, submission("failed", 950, 7_782_400, null))
        val (code, out, err) = mtboard(env(emptyMap(), home), "status", "12", "--server", s.url)
        assertEquals(0, code, err)
        assertEquals("""
            #12 mt-ppo  mt10-rand/smoke  failed
            seed 101  [##########----------]   52%  epoch  950/1832  SR 0.612  ETA 11m02s  running (attempt 1, worker host-123)
            seed 102  [--------------------]    1%  epoch   12/1832  SR 0.050  ETA -       failed (attempt 3)
                error: worker lost
                error: after 3 attempts
            recent events:
              2025-03-01T08:00:01Z  seed 101: queued -> queued  a
              2025-03-01T08:00:02Z  seed 102: queued -> queued  b
              2025-03-01T08:00:03Z  seed 103: queued -> queued  c
              2025-03-01T08:00:04Z  submission: queued -> running  worker host-123 claimed seed 101
              2025-03-01T08:00:05Z  seed 101: queued -> running  attempt 1 on host-123
        """.trimIndent() + "\n", out)
        val r = s.requests.single()
        assertEquals("GET", r.method)
        assertEquals("/api/submissions/12", r.path)
        assertNull(r.header("Authorization"), "no token, none sent")
    }

    @Test
    fun queuedShowsTheQueuePositionAndSendsTheTokenWhenThereIsOne() = FakeService().use { s ->
        s.answer(200, submission("queued", 0, 0, 4))
        Files.createDirectories(home.resolve(".mtboard"))
        Files.writeString(home.resolve(".mtboard/token"), "tok-file")
        val (code, out, _) = mtboard(env(emptyMap(), home), "status", "#12", "--server", s.url)
        assertEquals(0, code)
        assertEquals("#12 mt-ppo  mt10-rand/smoke  queued, queue position 4", out.lines()[0])
        assertEquals("seed 101  [--------------------]    0%  epoch    0/1832  SR   -    ETA -       queued (attempt 1, worker host-123)", out.lines()[1])
        assertEquals("Bearer tok-file", s.requests.single().header("Authorization"))
    }

    @Test
    fun jsonPrintsTheBodyAsIs() = FakeService().use { s ->
        val body = submission("running", 950, 7_782_400, null)
        s.answer(200, body)
        val (code, out, _) = mtboard(env(emptyMap(), home), "status", "12", "--json", "--server", s.url)
        assertEquals(0, code)
        assertEquals(body + "\n", out)
    }

    @Test
    fun unknownSubmissionExitsTwo() = FakeService().use { s ->
        s.answer(404, """{"error": "not found"}""")
        val (code, out, err) = mtboard(env(emptyMap(), home), "status", "99", "--server", s.url)
        assertEquals(2, code)
        assertEquals("", out)
        assertEquals("mtboard: error: no submission #99\n", err)
        val bad = mtboard(env(emptyMap(), home), "status", "twelve", "--server", s.url)
        assertEquals(2, bad.code)
        assertTrue(bad.err.startsWith("mtboard: error: ID must be a submission number such as 12, got 'twelve'"), bad.err)
    }

    @Test
    fun reRunsOfImportedSeedsSayWhatTheyReRunAndWhetherTheyMatched() = FakeService().use { s ->
        s.answer(200, """{"id": 1, "method": "MT-PPO", "benchmark": "mt10-rand", "protocol_version": 2, "tier": "smoke",
            "status": "imported", "queue_position": null, "created_at": "2025-03-01T08:00:00Z", "finished_at": null,
            "runs": [
              {"seed": 101, "purpose": "score", "status": "imported", "attempts": 0, "worker": null, "epoch": 1832,
               "epochs_total": 1832, "frames": 15007744, "frames_total": 15007744, "success_rate": null, "eta_s": null, "error": null},
              {"seed": 101, "purpose": "reproduction", "status": "finished", "attempts": 1, "worker": "host-1", "epoch": 1832,
               "epochs_total": 1832, "frames": 15007744, "frames_total": 15007744, "success_rate": 0.9, "eta_s": 0, "error": null,
               "reproduces": {"run": 1, "same_checksum": true}},
              {"seed": 102, "purpose": "reproduction", "status": "running", "attempts": 1, "worker": "host-1", "epoch": 10,
               "epochs_total": 1832, "frames": 81920, "frames_total": 15007744, "success_rate": 0.1, "eta_s": 600, "error": null,
               "reproduces": {"run": 2, "same_checksum": null}}
            ],
            "audit": [], "log_tail": []}""")
        val (code, out, err) = mtboard(env(emptyMap(), home), "status", "1", "--server", s.url)
        assertEquals(0, code, err)
        val lines = out.lines()
        assertTrue(lines[1].endsWith("imported"), lines[1])
        assertTrue(lines[2].endsWith("finished (re-run of the imported seed: same checksum, attempt 1, worker host-1)"), lines[2])
        assertTrue(lines[3].endsWith("running (re-run of the imported seed, attempt 1, worker host-1)"), lines[3])
    }

    @Test
    fun connectionRefusedExitsOne() {
        val url = FakeService().use { it.url }
        val (code, _, err) = mtboard(env(emptyMap(), home), "status", "12", "--server", url)
        assertEquals(1, code)
        assertEquals("mtboard: failed: cannot reach $url (is `./mtboard serve` running?)\n", err)
    }

    @Test
    fun followWithoutATerminalPrintsABlockOnlyWhenSomethingChangedAndExitsZeroWhenFinished() = FakeService().use { s ->
        s.answer(200, submission("queued", 0, 0, 2))
            .answer(200, submission("queued", 0, 0, 2))
            .answer(200, submission("running", 10, 81_920, null))
            .answer(200, submission("running", 12, 98_304, null)) // same bar cells, same statuses: no new block
            .answer(200, submission("finished", 1832, 15_007_744, null))
        val (code, out, err) = mtboard(env(emptyMap(), home), "status", "12", "--follow", "--server", s.url)
        assertEquals(0, code, err)
        assertEquals(5, s.requests.size)
        val headers = out.lines().filter { it.startsWith("#12 ") }
        assertEquals(listOf("#12 mt-ppo  mt10-rand/smoke  queued, queue position 2", "#12 mt-ppo  mt10-rand/smoke  running",
            "#12 mt-ppo  mt10-rand/smoke  finished"), headers)
        assertTrue(out.contains("seed 101  [####################]  100%  epoch 1832/1832  SR 0.612  ETA -       finished (attempt 1, worker host-123)"), out)
        assertTrue(!out.contains("\u001b["), "no ANSI codes off a terminal")
    }

    @Test
    fun followOnATerminalRedrawsInPlaceAndExitsOneWhenFailed() = FakeService().use { s ->
        s.answer(200, submission("running", 10, 81_920, null)).answer(200, submission("failed", 950, 7_782_400, null))
        val sleeps = mutableListOf<Long>()
        val env = ClientEnv({ null }, home, tty = true, clock = java.time.Clock.systemUTC(), pollMillis = 2000, sleep = { sleeps += it })
        val (code, out, err) = mtboard(env, "status", "12", "--follow", "--server", s.url)
        assertEquals(1, code)
        assertEquals("mtboard: failed: submission #12 failed\n", err)
        assertEquals(listOf(2000L), sleeps)
        val firstBlock = out.substringBefore("\u001b[")
        assertTrue(out.contains("\u001b[${firstBlock.trimEnd().lines().size}A\r\u001b[J#12 mt-ppo  mt10-rand/smoke  failed"), out)
    }

    @Test
    fun followWithJsonPrintsTheFinalJsonOnce() = FakeService().use { s ->
        val last = submission("cancelled", 950, 7_782_400, null)
        s.answer(200, submission("running", 10, 81_920, null)).answer(200, last)
        val (code, out, _) = mtboard(env(emptyMap(), home), "status", "12", "--follow", "--json", "--server", s.url)
        assertEquals(1, code)
        assertEquals(last + "\n", out)
    }
}
