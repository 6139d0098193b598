package org.mtboard.reproduce.stats

import picocli.CommandLine

@CommandLine.Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = ["rliable-grade statistics on score CSVs (header of task names, one row of scores per run/seed)."],
)
class StatsCommand : Runnable {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    override fun run() {
        throw CommandLine.ParameterException(spec.commandLine(), "a stats command is required: aggregate, poi, profile, bench")
    }
}
