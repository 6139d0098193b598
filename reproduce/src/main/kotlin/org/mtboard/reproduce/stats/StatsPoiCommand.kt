package org.mtboard.reproduce.stats

import java.nio.file.Path
import java.util.concurrent.Callable
import org.mtboard.engine.stats.ImprovementEstimates
import org.mtboard.reproduce.Json
import picocli.CommandLine

@CommandLine.Command(
    name = "poi",
    mixinStandardHelpOptions = true,
    description = ["Probability of improvement P(X > Y) with an independent stratified-bootstrap interval."],
)
class StatsPoiCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Option(names = ["--x"], required = true, description = ["score CSV of algorithm X"])
    lateinit var x: Path

    @CommandLine.Option(names = ["--y"], required = true, description = ["score CSV of algorithm Y (same tasks, same order)"])
    lateinit var y: Path

    @CommandLine.Option(names = ["--reps"], description = ["bootstrap replicates (default: \${DEFAULT-VALUE})"])
    var reps: Int = 2_000

    @CommandLine.Mixin
    var bootstrap = BootstrapOptions()

    override fun call(): Int {
        val settings = bootstrap.settings(spec, reps, false)
        val xs = StatsInput.scores(spec, "--x", x)
        val ys = StatsInput.scores(spec, "--y", y)
        val result = StatsInput.compute(spec) { ImprovementEstimates.compute(xs, ys, settings) }
        val perTask = linkedMapOf<String, Double>()
        xs.tasks().forEachIndexed { k, task -> perTask[task] = result.perTask()[k] }
        val out = spec.commandLine().out
        val overall = result.overall()
        if (bootstrap.json) {
            val json = linkedMapOf<String, Any>()
            json.putAll(StatsInput.interval(overall))
            json["per_task"] = perTask
            json.putAll(StatsInput.provenance(overall))
            out.println(Json.write(json))
        } else {
            out.println("P(X > Y) = %.4f  [%.4f, %.4f]".format(overall.point(), overall.ciLow(), overall.ciHigh()))
            perTask.forEach { (task, p) -> out.println("  %-28s %.4f".format(task, p)) }
        }
        return 0
    }
}
