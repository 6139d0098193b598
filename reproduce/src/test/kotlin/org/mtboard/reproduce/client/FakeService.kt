package org.mtboard.reproduce.client

import com.sun.net.httpserver.HttpServer
import java.net.InetSocketAddress
import java.net.URLDecoder
import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset
import java.util.concurrent.CopyOnWriteArrayList
import java.io.PrintWriter
import java.io.StringWriter
import org.mtboard.reproduce.Cli

/**
 * An in-process stand-in for the MTBoard service (com.sun.net.httpserver on port 0): it records
 * every request and answers with the canned response the test queued for it. It plays the
 * contract's server side only so the client can be checked; it is not the service.
 */
class FakeService : AutoCloseable {
    data class Request(val method: String, val path: String, val rawQuery: String?, val headers: Map<String, String>, val body: ByteArray) {
        /** The query decoded into a map (each name once). */
        val query: Map<String, String>
            get() = rawQuery?.split("&")?.filter { it.isNotEmpty() }?.associate {
                val (k, v) = it.split("=", limit = 2).let { p -> p[0] to p.getOrElse(1) { "" } }
                URLDecoder.decode(k, StandardCharsets.UTF_8) to URLDecoder.decode(v, StandardCharsets.UTF_8)
            }.orEmpty()

        fun header(name: String): String? = headers[name.lowercase()]
    }

    data class Answer(val status: Int, val body: String, val contentType: String = "application/json")

    val requests = CopyOnWriteArrayList<Request>()
    private val answers = ArrayDeque<Answer>()
    private val server: HttpServer = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)

    init {
        server.createContext("/") { exchange ->
            val body = exchange.requestBody.readAllBytes()
            requests += Request(exchange.requestMethod, exchange.requestURI.rawPath, exchange.requestURI.rawQuery,
                exchange.requestHeaders.entries.associate { (k, v) -> k.lowercase() to v.joinToString(",") }, body)
            val answer = synchronized(answers) { if (answers.size > 1) answers.removeFirst() else answers.firstOrNull() }
                ?: Answer(500, """{"error": "the test queued no answer"}""")
            val bytes = answer.body.toByteArray(StandardCharsets.UTF_8)
            exchange.responseHeaders.add("Content-Type", answer.contentType)
            exchange.sendResponseHeaders(answer.status, if (bytes.isEmpty()) -1 else bytes.size.toLong())
            exchange.responseBody.use { it.write(bytes) }
        }
        server.start()
    }

    val url: String get() = "http://127.0.0.1:${server.address.port}"

    /** Queues answers in order; the last one repeats. */
    fun answer(status: Int, body: String, contentType: String = "application/json"): FakeService {
        synchronized(answers) { answers.addLast(Answer(status, body, contentType)) }
        return this
    }

    override fun close() = server.stop(0)

    companion object {
        val NOW: Instant = Instant.parse("2025-03-01T09:00:00Z")

        /** A test environment: these variables only, this home, no real sleeping. */
        fun env(vars: Map<String, String> = emptyMap(), home: Path, tty: Boolean = false) =
            ClientEnv(vars::get, home, tty, Clock.fixed(NOW, ZoneOffset.UTC), pollMillis = 2000, sleep = {})

        data class Outcome(val code: Int, val out: String, val err: String)

        fun mtboard(env: ClientEnv, vararg args: String): Outcome {
            val out = StringWriter()
            val err = StringWriter()
            val code = Cli.run(arrayOf(*args), PrintWriter(out, true), PrintWriter(err, true), env)
            return Outcome(code, out.toString(), err.toString())
        }
    }
}
