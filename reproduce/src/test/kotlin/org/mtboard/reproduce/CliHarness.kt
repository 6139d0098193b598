package org.mtboard.reproduce

import java.io.PrintWriter
import java.io.StringWriter
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue

/** Runs the CLI in-process with captured output, and checks MTBoard's usage-error convention. */
object CliHarness {
    data class Outcome(val code: Int, val out: String, val err: String)

    fun mtboard(vararg args: String): Outcome {
        val out = StringWriter()
        val err = StringWriter()
        val code = Cli.run(arrayOf(*args), PrintWriter(out, true), PrintWriter(err, true))
        return Outcome(code, out.toString(), err.toString())
    }

    /** Exit 2, nothing on stdout, one line on stderr that mentions each text, no Java class names. */
    fun assertUsageError(outcome: Outcome, vararg mentions: String) {
        assertEquals(Cli.USAGE_ERROR, outcome.code, outcome.err)
        assertEquals("", outcome.out)
        val lines = outcome.err.trim().lines()
        assertEquals(1, lines.size, "one-line error, got: ${outcome.err}")
        mentions.forEach { assertTrue(lines[0].contains(it), "'$it' missing from: ${lines[0]}") }
        assertFalse(outcome.err.contains("Exception"), outcome.err)
    }
}
