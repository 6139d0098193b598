package org.mtboard.reproduce.stats

import org.mtboard.reproduce.CommandGroup
import picocli.CommandLine

@CommandLine.Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = ["rliable-grade statistics on score CSVs (header of task names, one row of scores per run/seed)."],
)
class StatsCommand : CommandGroup("aggregate, poi, profile, bench")
