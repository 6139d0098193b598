package org.mtboard.reproduce.stats

import java.nio.file.Path
import org.mtboard.engine.stats.BootstrapSettings
import org.mtboard.engine.stats.IntervalEstimate
import org.mtboard.engine.stats.IntervalMethod
import org.mtboard.engine.stats.ScoreCsv
import org.mtboard.engine.stats.ScoreMatrix
import picocli.CommandLine

/** Bootstrap options shared by the stats commands, with checks that name the option. */
class BootstrapOptions {
    @CommandLine.Option(names = ["--seed"], description = ["seed of the bootstrap streams (default: \${DEFAULT-VALUE})"])
    var seed: Long = 1

    @CommandLine.Option(names = ["--method"], description = ["percentile, basic, bc or bca (default: \${DEFAULT-VALUE})"])
    var method: String = "percentile"

    @CommandLine.Option(names = ["--confidence"], description = ["interval confidence in (0, 1) (default: \${DEFAULT-VALUE})"])
    var confidence: Double = 0.95

    @CommandLine.Option(names = ["--threads"], description = ["worker threads (default: all cores); results do not depend on it"])
    var threads: Int? = null

    @CommandLine.Option(names = ["--json"], description = ["print JSON instead of a table"])
    var json: Boolean = false

    fun settings(spec: CommandLine.Model.CommandSpec, reps: Int, taskBootstrap: Boolean): BootstrapSettings {
        fun fail(message: String): Nothing = throw CommandLine.ParameterException(spec.commandLine(), message)
        if (reps < 1) fail("--reps must be at least 1, got $reps")
        if (!(confidence > 0.0 && confidence < 1.0)) fail("--confidence must be between 0 and 1 (exclusive), got $confidence")
        val chosen = try {
            IntervalMethod.parse(method)
        } catch (e: IllegalArgumentException) {
            fail("--method must be one of ${IntervalMethod.labels().joinToString(", ")}; got '$method'")
        }
        val workers = threads ?: Runtime.getRuntime().availableProcessors()
        if (workers < 1) fail("--threads must be at least 1, got $workers")
        return BootstrapSettings(reps, seed, chosen, confidence, taskBootstrap, workers)
    }
}

internal object StatsInput {
    /** Reads a score CSV; malformed files are usage errors naming the line and column. */
    fun scores(spec: CommandLine.Model.CommandSpec, option: String, file: Path): ScoreMatrix =
        try {
            ScoreCsv.read(file)
        } catch (e: IllegalArgumentException) {
            throw CommandLine.ParameterException(spec.commandLine(), "$option: ${e.message}")
        }

    /** Interval computations that the data cannot support (bc/bca on degenerate data) are usage errors too. */
    fun <T> compute(spec: CommandLine.Model.CommandSpec, work: () -> T): T =
        try {
            work()
        } catch (e: IllegalStateException) {
            throw CommandLine.ParameterException(spec.commandLine(), "--method: ${e.message}")
        } catch (e: IllegalArgumentException) {
            throw CommandLine.ParameterException(spec.commandLine(), e.message ?: "invalid input")
        }

    fun interval(e: IntervalEstimate): Map<String, Any> =
        linkedMapOf("point" to e.point(), "ci_low" to e.ciLow(), "ci_high" to e.ciHigh())

    fun provenance(e: IntervalEstimate): Map<String, Any> = linkedMapOf(
        "reps" to e.reps(), "seed" to e.seed(), "method" to e.method(), "confidence" to e.confidence(),
        "task_bootstrap" to e.taskBootstrap(), "n_runs" to e.nRuns(), "n_tasks" to e.nTasks(),
    )
}
