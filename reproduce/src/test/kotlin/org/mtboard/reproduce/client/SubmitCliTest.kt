package org.mtboard.reproduce.client

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.mtboard.reproduce.client.FakeService.Companion.env
import org.mtboard.reproduce.client.FakeService.Companion.mtboard

/**
 * `mtboard submit` and the error handling every service command shares, against [FakeService].
 * These tests check the client only (the request it sends, what it prints, its exit codes) per the
 * service contract; the real server is tested in its own module.
 */
class SubmitCliTest {
    @TempDir
    lateinit var home: Path

    @TempDir
    lateinit var dir: Path

    private val yaml = "name: my ppo\nalgorithm: mt-ppo\nnetwork: {}\nhyperparameters:\n  learning_rate: 0.0003  # ü\n"

    private fun file(): String = dir.resolve("sub.yaml").also { Files.writeString(it, yaml) }.toString()

    private val created = """{"id": 12, "status": "queued", "duplicate": false, "queue_position": 3,
        "runs": [{"seed": 101, "status": "queued"}, {"seed": 102, "status": "queued"}, {"seed": 103, "status": "queued"}],
        "url": "/api/submissions/12"}"""

    private val token = mapOf("MTBOARD_TOKEN" to "tok-env")

    @Test
    fun createdSendsTheFileWithTheGivenFieldsAndPrintsTheQueue() = FakeService().use { s ->
        s.answer(201, created)
        val (code, out, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke",
            "--method", "My PPO & co", "--description", "50% more+less", "--server", s.url)
        assertEquals(0, code, err)
        assertEquals("", err)
        assertEquals("submitted #12 to mt10-rand/smoke: 3 runs (seeds 101, 102, 103), queue position 3\n" +
            "follow it with: ./mtboard status 12 --follow --server ${s.url}\n", out)
        val r = s.requests.single()
        assertEquals("POST", r.method)
        assertEquals("/api/submissions", r.path)
        assertEquals(mapOf("benchmark" to "mt10-rand", "tier" to "smoke", "method" to "My PPO & co", "description" to "50% more+less"), r.query)
        assertFalse(r.rawQuery!!.contains(" ") || r.rawQuery!!.contains("+"), "spaces as %20, '+' escaped: ${r.rawQuery}")
        assertTrue(r.rawQuery!!.startsWith("benchmark=mt10-rand&tier=smoke&"), r.rawQuery)
        assertEquals("application/yaml", r.header("Content-Type"))
        assertEquals("Bearer tok-env", r.header("Authorization"))
        assertArrayEquals(yaml.toByteArray(Charsets.UTF_8), r.body)
    }

    @Test
    fun allOptionalFieldsAreSentUrlEncodedAndTheDefaultServerComesFromTheEnvironment() = FakeService().use { s ->
        s.answer(201, created)
        val (code, out, err) = mtboard(env(token + ("MTBOARD_SERVER" to s.url + "/"), home), "submit", file(),
            "--benchmark", "mt10-rand", "--tier", "standard", "--paper-url", "https://arxiv.org/abs/1?a=b&c=d",
            "--code-url", "https://github.com/x/y")
        assertEquals(0, code, err)
        assertEquals(mapOf("benchmark" to "mt10-rand", "tier" to "standard", "paper_url" to "https://arxiv.org/abs/1?a=b&c=d",
            "code_url" to "https://github.com/x/y"), s.requests.single().query)
        assertTrue(out.endsWith("follow it with: ./mtboard status 12 --follow\n"), out)
    }

    @Test
    fun duplicateNamesTheEarlierSubmission() = FakeService().use { s ->
        s.answer(200, """{"id": 7, "status": "running", "duplicate": true, "queue_position": null,
            "runs": [{"seed": 101, "status": "running"}], "url": "/api/submissions/7"}""")
        val (code, out, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke", "--server", s.url)
        assertEquals(0, code, err)
        assertEquals("already submitted as #7 (status running)", out.lines()[0])
        assertTrue(out.lines()[1].startsWith("follow it with: ./mtboard status 7 --follow"), out)
    }

    @Test
    fun rejectedConfigPrintsEachProblemAndExitsTwo() = FakeService().use { s ->
        s.answer(422, """{"error": "invalid submission", "problems": [
            {"field": "hyperparameters.learning_rate", "message": "must be in (0.0, 1.0]", "allowed": "(0.0, 1.0]"},
            {"field": "algorithm", "message": "unknown algorithm 'sac'", "allowed": ["mt-ppo", "mt-grpo"]},
            {"field": "name", "message": "is required"}]}""")
        val (code, out, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke", "--server", s.url)
        assertEquals(2, code)
        assertEquals("", out)
        assertEquals(listOf("mtboard: error: invalid submission",
            "  hyperparameters.learning_rate: must be in (0.0, 1.0] (allowed: (0.0, 1.0])",
            "  algorithm: unknown algorithm 'sac' (allowed: mt-ppo, mt-grpo)",
            "  name: is required"), err.trimEnd().lines())
    }

    @Test
    fun everyBadInputStatusExitsTwo() {
        for (status in listOf(400, 404, 409, 413, 415, 422)) FakeService().use { s ->
            s.answer(status, """{"error": "nope $status"}""")
            val (code, out, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke", "--server", s.url)
            assertEquals(2, code, "HTTP $status: $err")
            assertEquals("", out)
            assertEquals("mtboard: error: nope $status\n", err)
        }
    }

    @Test
    fun unauthorisedAndForbiddenExitTwoWithTheMessage() {
        FakeService().use { s ->
            s.answer(401, """{"error": "invalid or expired token"}""")
            val (code, out, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke", "--server", s.url)
            assertEquals(2, code)
            assertEquals("", out)
            assertEquals(listOf("mtboard: error: invalid or expired token", "  the token came from MTBOARD_TOKEN"), err.trimEnd().lines())
        }
        FakeService().use { s ->
            s.answer(403, """{"error": "this token may not submit to the official tier"}""")
            val (code, _, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "official", "--server", s.url)
            assertEquals(2, code)
            assertEquals("mtboard: error: this token may not submit to the official tier\n", err)
        }
    }

    @Test
    fun quotaExceededExitsOneSayingWhenItResets() = FakeService().use { s ->
        s.answer(429, """{"error": "daily submission quota reached (5 per day)", "resets_at": "2025-03-01T12:05:00Z"}""")
        val (code, out, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke", "--server", s.url)
        assertEquals(1, code)
        assertEquals("", out)
        assertEquals("mtboard: failed: daily submission quota reached (5 per day); the quota resets at 2025-03-01T12:05:00Z (in 3h05m)\n", err)
    }

    @Test
    fun serverErrorsExitOneEvenWithoutAJsonBody() {
        FakeService().use { s ->
            s.answer(500, """{"error": "database is locked"}""")
            val (code, _, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke", "--server", s.url)
            assertEquals(1, code)
            assertEquals("mtboard: failed: server error (HTTP 500): database is locked\n", err)
        }
        FakeService().use { s ->
            s.answer(502, "<html>Bad Gateway</html>", "text/html")
            val (code, _, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke", "--server", s.url)
            assertEquals(1, code)
            assertEquals("mtboard: failed: server error (HTTP 502): HTTP 502: <html>Bad Gateway</html>\n", err)
        }
    }

    @Test
    fun connectionRefusedExitsOneNamingTheServer() {
        val url = FakeService().use { it.url }
        val (code, out, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke", "--server", url)
        assertEquals(1, code)
        assertEquals("", out)
        assertEquals("mtboard: failed: cannot reach $url (is `./mtboard serve` running?)\n", err)
    }

    @Test
    fun withoutATokenSubmitExitsTwoSayingHowToGetOneAndSendsNothing() = FakeService().use { s ->
        val (code, out, err) = mtboard(env(emptyMap(), home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke", "--server", s.url)
        assertEquals(2, code)
        assertEquals("", out)
        assertEquals("mtboard: error: no token: set MTBOARD_TOKEN or write ~/.mtboard/token; " +
            "`./mtboard serve` prints an admin token and writes ~/.mtboard/admin-token\n", err)
        assertTrue(s.requests.isEmpty())
    }

    @Test
    fun tokenComesFromTheEnvironmentBeforeTheFileAndIsTrimmed() {
        Files.createDirectories(home.resolve(".mtboard"))
        Files.writeString(home.resolve(".mtboard/token"), "  tok-file\n")
        assertEquals(ClientEnv.Token("tok-env", "MTBOARD_TOKEN"), env(mapOf("MTBOARD_TOKEN" to " tok-env\n"), home).token())
        assertEquals(ClientEnv.Token("tok-file", "~/.mtboard/token"), env(emptyMap(), home).token())
        assertEquals(ClientEnv.Token("tok-file", "~/.mtboard/token"), env(mapOf("MTBOARD_TOKEN" to "  "), home).token())
        Files.writeString(home.resolve(".mtboard/token"), "\n")
        assertNull(env(emptyMap(), home).token())
        FakeService().use { s ->
            s.answer(201, created)
            Files.writeString(home.resolve(".mtboard/token"), "tok-file\n")
            assertEquals(0, mtboard(env(emptyMap(), home), "submit", file(), "--benchmark", "b", "--tier", "t", "--server", s.url).code)
            assertEquals(0, mtboard(env(token, home), "submit", file(), "--benchmark", "b", "--tier", "t", "--server", s.url).code)
            assertEquals(listOf("Bearer tok-file", "Bearer tok-env"), s.requests.map { it.header("Authorization") })
        }
    }

    @Test
    fun badArgumentsAreUsageErrors() {
        val (code, out, err) = mtboard(env(token, home), "submit", dir.resolve("missing.yaml").toString(), "--benchmark", "b", "--tier", "t")
        assertEquals(2, code)
        assertEquals("", out)
        assertTrue(err.startsWith("mtboard: error: FILE: no such file"), err)
        val noTier = mtboard(env(token, home), "submit", file(), "--benchmark", "b")
        assertEquals(2, noTier.code)
        assertTrue(noTier.err.contains("--tier"), noTier.err)
        val badServer = mtboard(env(token, home), "submit", file(), "--benchmark", "b", "--tier", "t", "--server", "localhost:8080")
        assertEquals(2, badServer.code)
        assertEquals("mtboard: error: --server must be an http:// or https:// URL, got 'localhost:8080'\n", badServer.err)
    }

    @Test
    fun followContinuesAsStatusFollow() = FakeService().use { s ->
        s.answer(201, created).answer(200, StatusCliTest.submission("finished", 1832, 15_007_744, null))
        val (code, out, err) = mtboard(env(token, home), "submit", file(), "--benchmark", "mt10-rand", "--tier", "smoke",
            "--server", s.url, "--follow")
        assertEquals(0, code, err)
        assertTrue(out.startsWith("submitted #12 to mt10-rand/smoke"), out)
        assertFalse(out.contains("follow it with"), out)
        assertTrue(out.contains("#12 mt-ppo  mt10-rand/smoke  finished"), out)
        assertEquals(listOf("POST /api/submissions", "GET /api/submissions/12"), s.requests.map { "${it.method} ${it.path}" })
    }
}
