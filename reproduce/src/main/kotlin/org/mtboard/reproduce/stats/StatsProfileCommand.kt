package org.mtboard.reproduce.stats

import java.nio.file.Path
import java.util.concurrent.Callable
import org.mtboard.engine.stats.ProfileEstimates
import org.mtboard.reproduce.Json
import picocli.CommandLine

@CommandLine.Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = ["Performance profile (fraction of run scores strictly above each tau) with interval bands."],
)
class StatsProfileCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Option(names = ["--scores"], required = true, description = ["score CSV: task names, then one row per run"])
    lateinit var scores: Path

    @CommandLine.Option(names = ["--taus"], required = true, description = ["thresholds, comma-separated, e.g. 0,0.1,0.2"])
    lateinit var taus: String

    @CommandLine.Option(names = ["--reps"], description = ["bootstrap replicates (default: \${DEFAULT-VALUE})"])
    var reps: Int = 2_000

    @CommandLine.Option(names = ["--average"], description = ["average-score distribution (per-task means) instead of run scores"])
    var average: Boolean = false

    @CommandLine.Mixin
    var bootstrap = BootstrapOptions()

    override fun call(): Int {
        val settings = bootstrap.settings(spec, reps, false)
        val grid = taus.split(",").mapIndexed { k, text ->
            text.trim().toDoubleOrNull()?.takeIf { it.isFinite() }
                ?: throw CommandLine.ParameterException(spec.commandLine(), "--taus: value ${k + 1} ('${text.trim()}') is not a finite number")
        }.toDoubleArray()
        val matrix = StatsInput.scores(spec, "--scores", scores)
        val profile = StatsInput.compute(spec) { ProfileEstimates.compute(matrix, grid, average, settings) }
        val out = spec.commandLine().out
        if (bootstrap.json) {
            val json = linkedMapOf<String, Any>(
                "taus" to grid.toList(), "point" to profile.map { it.point() },
                "ci_low" to profile.map { it.ciLow() }, "ci_high" to profile.map { it.ciHigh() },
                "distribution" to if (average) "average_score" else "run_score",
            )
            json.putAll(StatsInput.provenance(profile[0]))
            out.println(Json.write(json))
        } else {
            out.println("%8s %10s %10s %10s".format("tau", "point", "ci_low", "ci_high"))
            profile.forEach { out.println("%8.3f %10.4f %10.4f %10.4f".format(it.tau(), it.point(), it.ciLow(), it.ciHigh())) }
        }
        return 0
    }
}
