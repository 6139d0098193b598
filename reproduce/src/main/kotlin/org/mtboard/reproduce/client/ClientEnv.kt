package org.mtboard.reproduce.client

import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock

/**
 * What the service commands read from outside the command line: environment variables, the home
 * directory (for ~/.mtboard/token), whether stdout is a terminal, the clock, and how `--follow`
 * waits between polls. Tests pass their own so they never depend on the real environment.
 */
class ClientEnv(
    private val env: (String) -> String?,
    val home: Path,
    val tty: Boolean,
    val clock: Clock = Clock.systemUTC(),
    val pollMillis: Long = 2000,
    val sleep: (Long) -> Unit = { Thread.sleep(it) },
) {
    /** Where a token came from, for messages: "MTBOARD_TOKEN" or "~/.mtboard/token". */
    data class Token(val value: String, val source: String)

    /** --server when given, else MTBOARD_SERVER, else http://localhost:8080. */
    fun server(option: String?): String =
        (option ?: env(SERVER_VAR)?.trim()?.takeIf { it.isNotEmpty() } ?: DEFAULT_SERVER).trimEnd('/')

    /** MTBOARD_TOKEN (trimmed, if not blank), else ~/.mtboard/token (trimmed, if not blank), else null. */
    fun token(): Token? {
        env(TOKEN_VAR)?.trim()?.takeIf { it.isNotEmpty() }?.let { return Token(it, TOKEN_VAR) }
        val file = home.resolve(".mtboard").resolve("token")
        if (!Files.isRegularFile(file)) return null
        val text = try {
            Files.readString(file).trim()
        } catch (e: java.io.IOException) {
            throw ServiceException(2, listOf("cannot read $TOKEN_FILE: ${e.message}"))
        }
        return text.takeIf { it.isNotEmpty() }?.let { Token(it, TOKEN_FILE) }
    }

    companion object {
        const val SERVER_VAR = "MTBOARD_SERVER"
        const val TOKEN_VAR = "MTBOARD_TOKEN"
        const val TOKEN_FILE = "~/.mtboard/token"
        const val DEFAULT_SERVER = "http://localhost:8080"
        const val NO_TOKEN = "no token: set $TOKEN_VAR or write $TOKEN_FILE; " +
            "`./mtboard serve` prints an admin token and writes ~/.mtboard/admin-token"

        /** The real process environment; stdout counts as a terminal when the JVM has a console. */
        fun system(): ClientEnv =
            ClientEnv(System::getenv, Path.of(System.getProperty("user.home")), System.console() != null)
    }
}
