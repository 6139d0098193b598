package org.mtboard.reproduce.stats

import java.util.concurrent.Callable
import org.mtboard.engine.stats.StatsBench
import org.mtboard.reproduce.Json
import picocli.CommandLine

@CommandLine.Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = ["Times the aggregate intervals (mean, median, IQM, optimality gap) on a synthetic score matrix, warm."],
)
class StatsBenchCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Option(names = ["--runs"], description = ["runs (default: \${DEFAULT-VALUE})"])
    var runs: Int = 10

    @CommandLine.Option(names = ["--tasks"], description = ["tasks (default: \${DEFAULT-VALUE})"])
    var tasks: Int = 50

    @CommandLine.Option(names = ["--reps"], description = ["bootstrap replicates (default: \${DEFAULT-VALUE})"])
    var reps: Int = 50_000

    @CommandLine.Option(names = ["--warmup"], description = ["untimed repetitions first (default: \${DEFAULT-VALUE})"])
    var warmup: Int = 5

    @CommandLine.Option(names = ["--repeat"], description = ["timed repetitions (default: \${DEFAULT-VALUE})"])
    var repeat: Int = 7

    @CommandLine.Option(names = ["--threads"], description = ["worker threads (default: all cores)"])
    var threads: Int? = null

    @CommandLine.Option(names = ["--json"], description = ["print JSON instead of text"])
    var json: Boolean = false

    override fun call(): Int {
        fun atLeast(name: String, value: Int, min: Int) {
            if (value < min) throw CommandLine.ParameterException(spec.commandLine(), "$name must be at least $min, got $value")
        }
        atLeast("--runs", runs, 1)
        atLeast("--tasks", tasks, 1)
        atLeast("--reps", reps, 1)
        atLeast("--warmup", warmup, 0)
        atLeast("--repeat", repeat, 1)
        val workers = threads ?: Runtime.getRuntime().availableProcessors()
        atLeast("--threads", workers, 1)
        val r = StatsBench.run(runs, tasks, reps, workers, warmup, repeat)
        val out = spec.commandLine().out
        if (json) {
            out.println(Json.write(linkedMapOf(
                "runs" to r.runs(), "tasks" to r.tasks(), "reps" to r.reps(), "threads" to r.threads(),
                "best_s" to r.bestSeconds(), "median_s" to r.medianSeconds(),
            )))
        } else {
            out.println("%d x %d, %d replicates of {mean, median, IQM, OG} on %d threads: best %.4f s, median %.4f s".format(
                r.runs(), r.tasks(), r.reps(), r.threads(), r.bestSeconds(), r.medianSeconds()))
        }
        return 0
    }
}
