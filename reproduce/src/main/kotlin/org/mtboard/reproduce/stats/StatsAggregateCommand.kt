package org.mtboard.reproduce.stats

import java.nio.file.Path
import java.util.concurrent.Callable
import org.mtboard.engine.stats.AggregateEstimates
import org.mtboard.reproduce.Json
import picocli.CommandLine

@CommandLine.Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    description = ["Mean, median, IQM and optimality gap with stratified-bootstrap confidence intervals."],
)
class StatsAggregateCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Option(names = ["--scores"], required = true, description = ["score CSV: task names, then one row per run"])
    lateinit var scores: Path

    @CommandLine.Option(names = ["--reps"], description = ["bootstrap replicates (default: \${DEFAULT-VALUE})"])
    var reps: Int = 50_000

    @CommandLine.Option(names = ["--task-bootstrap"], description = ["also resample tasks (a diagnostic; off for a fixed suite)"])
    var taskBootstrap: Boolean = false

    @CommandLine.Option(names = ["--gamma"], description = ["optimality-gap threshold (default: \${DEFAULT-VALUE})"])
    var gamma: Double = 1.0

    @CommandLine.Mixin
    var bootstrap = BootstrapOptions()

    override fun call(): Int {
        val settings = bootstrap.settings(spec, reps, taskBootstrap)
        if (!gamma.isFinite()) throw CommandLine.ParameterException(spec.commandLine(), "--gamma must be a finite number, got $gamma")
        val matrix = StatsInput.scores(spec, "--scores", scores)
        val estimates = StatsInput.compute(spec) { AggregateEstimates.compute(matrix, gamma, settings) }
        val out = spec.commandLine().out
        if (bootstrap.json) {
            val result = linkedMapOf<String, Any>()
            estimates.forEach { result[it.metric()] = StatsInput.interval(it) }
            result["gamma"] = gamma
            result.putAll(StatsInput.provenance(estimates[0]))
            out.println(Json.write(result))
        } else {
            out.println("%-16s %10s %10s %10s".format("metric", "point", "ci_low", "ci_high"))
            estimates.forEach { out.println("%-16s %10.4f %10.4f %10.4f".format(it.metric(), it.point(), it.ciLow(), it.ciHigh())) }
            val p = estimates[0]
            out.println("${(p.confidence() * 100).toInt()}% ${p.method()} intervals, ${p.reps()} replicates, seed ${p.seed()}, " +
                "${p.nRuns()} runs x ${p.nTasks()} tasks, gamma $gamma${if (p.taskBootstrap()) ", task bootstrap" else ""}")
        }
        return 0
    }
}
