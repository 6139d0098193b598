package org.mtboard.reproduce.sim

import picocli.CommandLine

/** Options every sim command takes. */
class SimRunOptions {
    @CommandLine.Option(names = ["--suite"], description = ["mt10, or task ids separated by commas (default: \${DEFAULT-VALUE})"])
    var suite: String = "mt10"

    @CommandLine.Option(names = ["--seed"], description = ["run seed (default: \${DEFAULT-VALUE})"])
    var seed: Int = 1

    @CommandLine.Option(names = ["--threads"], description = ["CPU simulation threads (default: all cores)"])
    var threads: Int? = null

    @CommandLine.Option(names = ["--json"], description = ["print JSON instead of text"])
    var json: Boolean = false
}
