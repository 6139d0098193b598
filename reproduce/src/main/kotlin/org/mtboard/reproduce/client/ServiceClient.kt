package org.mtboard.reproduce.client

import com.fasterxml.jackson.databind.JsonNode
import java.io.IOException
import java.net.ConnectException
import java.net.URI
import java.net.URLEncoder
import java.net.http.HttpClient
import java.net.http.HttpConnectTimeoutException
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.time.Duration
import java.time.Instant
import java.time.format.DateTimeParseException
import org.mtboard.reproduce.Json

/**
 * HTTP to the MTBoard service (java.net.http, HTTP/1.1). Every request carries the token as
 * `Authorization: Bearer` when there is one; every non-2xx answer becomes a [ServiceException]
 * with the service's error, its problems, and the exit code of the contract (4xx bad input: 2;
 * 429 quota: 1 with the reset time; 5xx: 1), and an unreachable server exits 1 saying so.
 */
class ServiceClient(val server: String, private val token: ClientEnv.Token?, private val env: ClientEnv) {
    data class Response(val status: Int, val body: String, val headers: java.net.http.HttpHeaders) {
        fun json(): JsonNode = try {
            Json.read(body)
        } catch (e: IOException) {
            throw ServiceException(1, listOf("the server answered HTTP $status with a body that is not JSON: ${firstLine(body)}"))
        }
    }

    private val base: URI = try {
        URI(server).also { require(it.scheme in setOf("http", "https") && !it.host.isNullOrEmpty()) }
    } catch (e: Exception) {
        throw ServiceException(2, listOf("--server must be an http:// or https:// URL, got '$server'"))
    }

    private val http: HttpClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build()

    fun get(path: String, query: List<Pair<String, String?>> = emptyList(), accept: String = "application/json"): Response =
        send(request(path, query, accept).GET())

    fun post(path: String, query: List<Pair<String, String?>>, contentType: String, body: ByteArray): Response =
        send(request(path, query, "application/json").header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)))

    private fun request(path: String, query: List<Pair<String, String?>>, accept: String): HttpRequest.Builder {
        val params = query.filter { it.second != null }.joinToString("&") { (k, v) -> "${encode(k)}=${encode(v!!)}" }
        val uri = URI.create(server + path + if (params.isEmpty()) "" else "?$params")
        val builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
            .header("Accept", accept).header("User-Agent", "mtboard-cli/0.1.0")
        token?.let { builder.header("Authorization", "Bearer ${it.value}") }
        return builder
    }

    private fun send(builder: HttpRequest.Builder): Response {
        val response = try {
            http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        } catch (e: ConnectException) {
            throw unreachable()
        } catch (e: HttpConnectTimeoutException) {
            throw unreachable()
        } catch (e: IOException) {
            throw ServiceException(1, listOf("request to $server failed: ${e.message ?: e.javaClass.simpleName}"))
        }
        return Response(response.statusCode(), response.body(), response.headers())
    }

    private fun unreachable() = ServiceException(1, listOf("cannot reach $server (is `./mtboard serve` running?)"))

    /** The response if its status is 2xx; otherwise the service's error as a [ServiceException]. */
    fun ok(response: Response): Response = if (response.status in 200..299) response else throw error(response)

    fun error(response: Response): ServiceException {
        val status = response.status
        val node = try {
            Json.read(response.body).takeIf { it.isObject }
        } catch (e: IOException) {
            null
        }
        val message = node?.get("error")?.takeIf { it.isTextual }?.asText()
            ?: "HTTP $status${firstLine(response.body).let { if (it.isEmpty()) "" else ": $it" }}"
        val problems = node?.get("problems")?.filter { it.isObject }?.map { p ->
            val allowed = p.get("allowed")?.takeIf { !it.isNull }?.let { a ->
                if (a.isArray) a.joinToString(", ") { it.asText() } else a.asText()
            }
            "  ${p.path("field").asText()}: ${p.path("message").asText()}" + (allowed?.let { " (allowed: $it)" } ?: "")
        }.orEmpty()
        return when {
            status == 429 -> ServiceException(1, listOf(message + resetsAt(node, response)) + problems)
            status == 401 -> ServiceException(2, listOf(message) + problems + listOf(
                token?.let { "  the token came from ${it.source}" }
                    ?: "  no token was sent: set ${ClientEnv.TOKEN_VAR} or write ${ClientEnv.TOKEN_FILE}"))
            status in 400..499 -> ServiceException(2, listOf(message) + problems)
            status in 500..599 -> ServiceException(1, listOf("server error (HTTP $status): $message") + problems)
            else -> ServiceException(1, listOf("unexpected answer from $server (HTTP $status): $message"))
        }
    }

    /** "; the quota resets at T (in 3h05m)" from resets_at, else from Retry-After seconds. */
    private fun resetsAt(node: JsonNode?, response: Response): String {
        val at = node?.get("resets_at")?.takeIf { it.isTextual }?.asText()
        if (at != null) {
            val left = try {
                Duration.between(env.clock.instant(), Instant.parse(at))
            } catch (e: DateTimeParseException) {
                try {
                    Duration.between(env.clock.instant(), java.time.OffsetDateTime.parse(at).toInstant())
                } catch (e2: DateTimeParseException) {
                    null
                }
            }
            return "; the quota resets at $at" + (left?.takeIf { !it.isNegative }?.let { " (in ${Format.duration(it.seconds)})" } ?: "")
        }
        val retry = response.headers.firstValue("Retry-After").orElse(null)?.trim()?.toLongOrNull()
        return if (retry != null) "; the quota resets in ${Format.duration(retry)}" else ""
    }

    companion object {
        /** Query-string encoding with spaces as %20, so servers that decode '+' literally still read them right. */
        fun encode(value: String): String = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")

        private fun firstLine(body: String): String = body.trim().lineSequence().firstOrNull()?.take(200).orEmpty()
    }
}
