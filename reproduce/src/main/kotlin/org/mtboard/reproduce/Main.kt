package org.mtboard.reproduce

import java.io.PrintWriter
import kotlin.system.exitProcess

/** Entry point of the `mtboard` command line. */
fun main(args: Array<String>) {
    val out = PrintWriter(System.out, true)
    val err = PrintWriter(System.err, true)
    exitProcess(Cli.run(args, out, err))
}
