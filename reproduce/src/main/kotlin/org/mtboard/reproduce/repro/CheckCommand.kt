package org.mtboard.reproduce.repro

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable
import org.mtboard.engine.repro.CurveDiff
import org.mtboard.engine.repro.ReproductionPlanner
import org.mtboard.engine.repro.ReproductionVerdict
import org.mtboard.engine.repro.StatisticalCheck
import org.mtboard.engine.run.RunManifest
import org.mtboard.reproduce.client.ClientEnv
import org.mtboard.reproduce.client.ServerOptions
import org.mtboard.reproduce.client.ServiceClient
import org.mtboard.reproduce.train.TrainingOptions
import picocli.CommandLine

@CommandLine.Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = [
        "Re-runs an entry's (or a committed result set's) exact config on chosen seeds and compares with the original runs.",
        "Bit-exact when both pin libtorch's CPU numerics the same way and compute exp, tanh and sqrt in Java (any x86-64 CPU with AVX2 and FMA), or run unpinned on the same CPU model and threads;",
        "statistical otherwise (permutation tests of the mean over tasks, success rate and return, at alpha/2 each; per-task tests Holm-adjusted name the tasks that differ).",
        "Exit 0 reproduced, 1 not reproduced, 2 usage error.",
    ],
)
class CheckCommand(private val env: ClientEnv) : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    lateinit var source: Source

    class Source {
        @CommandLine.Option(names = ["--entry"], paramLabel = "URL|ID", description = ["an entry of the service: its number or its page's URL"])
        var entry: String? = null

        @CommandLine.Option(names = ["--result"], paramLabel = "DIR", description = ["a result set (DIR/seed-N/result.json) or one run (DIR/result.json)"])
        var result: Path? = null
    }

    @CommandLine.Option(names = ["--config"], paramLabel = "FILE", description = ["the submission YAML of --result (default: DIR/config.yaml, or submissions/baselines/NAME.yaml for submissions/results/B/T/NAME)"])
    var config: Path? = null

    @CommandLine.Option(names = ["--benchmark"], paramLabel = "NAME|FILE", description = ["benchmark definition (default: the one the runs name, from submissions/benchmarks)"])
    var benchmark: String? = null

    @CommandLine.Option(names = ["--seeds"], split = ",", paramLabel = "SEED", description = ["seeds to re-run (default: the original seeds); other seeds make the check statistical"])
    var seeds: List<Int>? = null

    @CommandLine.Option(names = ["--alpha"], description = ["false-alarm rate of the statistical check (default: \${DEFAULT-VALUE})"])
    var alpha: Double = StatisticalCheck.DEFAULT_ALPHA

    @CommandLine.Mixin
    var training = TrainingOptions()

    @CommandLine.Option(names = ["--work"], paramLabel = "DIR", description = ["where re-runs go (DIR/seed-N/{result.json,curve.csv}); run again with the same DIR to resume (default: a new temporary directory)"])
    var work: Path? = null

    @CommandLine.Option(names = ["--junit"], paramLabel = "FILE", description = ["also write the verdict as JUnit XML (per seed and per task)"])
    var junit: Path? = null

    @CommandLine.Option(names = ["--json"], description = ["print the verdict as JSON"])
    var json: Boolean = false

    @CommandLine.Mixin
    var server = ServerOptions()

    private fun usage(message: String): Nothing = throw CommandLine.ParameterException(spec.commandLine(), message)

    override fun call(): Int {
        val err = spec.commandLine().err
        val out = spec.commandLine().out
        val chosenBackend = training.backend(spec)
        val chosenDevice = training.device(spec)
        if (!(alpha > 0 && alpha < 1)) usage("--alpha must be between 0 and 1 (exclusive), got $alpha")
        val workers = training.threads(spec)
        val originals = source.result?.let { OriginalRuns.fromResult(spec, it, config, benchmark) } ?: run {
            if (config != null) usage("--config goes with --result; an entry brings its own config")
            val (url, id) = OriginalRuns.parseEntry(spec, source.entry!!, env, server.server)
            OriginalRuns.fromEntry(spec, ServiceClient(url, env.token(), env), id, benchmark)
        }
        originals.warnings.forEach { err.println("mtboard: warning: $it") }
        val chosen = seeds ?: originals.runs.map { it.seed() }
        if (chosen.isEmpty()) usage("--seeds must name at least one seed")
        chosen.firstOrNull { it < 0 }?.let { usage("--seeds must be 0 or more, got $it") }
        if (chosen.toSet().size != chosen.size) usage("--seeds names a seed twice: $chosen")

        // Decide the mode before hours of training: a statistical check with too few seeds could never fail.
        val plan = ReproductionPlanner.plan(originals.bySeed(), chosen, alpha, ReproductionPlanner.RerunMachine.here(chosenBackend, chosenDevice, workers))
        plan.refusal()?.let { usage("--seeds: $it") }
        val here = plan.machine().numerics()
        val dir = work ?: Files.createTempDirectory("mtboard-reproduce")
        err.println("mtboard reproduce: ${originals.label}, ${originals.benchmark.name()} ${originals.tier.name()}, seeds $chosen on $chosenBackend, " +
            "${here.cpuModel()} (${here.isaUsed()}${if (here.pinned()) ", pinned" else ", unpinned"})")
        err.println("mtboard reproduce: ${plan.mode()} check: ${plan.reason()}")
        err.println("mtboard reproduce: re-runs in $dir")
        // partial originals (a `train --max-epochs` result) are re-run for as many epochs as they ran
        val epochs = originals.runs.firstOrNull { it.partial() }?.let { p ->
            originals.curves[p.seed()]?.let { CurveDiff.epochs(it) } ?: usage("--result: seed ${p.seed()} is a partial run without its curve.csv")
        } ?: 0
        val start = System.nanoTime()
        val reruns = chosen.mapIndexed { i, seed ->
            Rerun.run(originals, seed, dir.resolve("seed-$seed"), workers, chosenBackend, chosenDevice, epochs, "seed $seed (${i + 1}/${chosen.size})", err)
        }
        val seconds = (System.nanoTime() - start) / 1e9
        val verdict = ReproductionVerdict.judge(originals.runs, reruns, alpha)
        junit?.let { JUnitReport.write(it, "reproduce ${originals.label}", verdict, originals.runs, reruns, seconds) }
        if (json) {
            out.println(verdict.toJson())
        } else {
            printVerdict(out, verdict, originals.runs, reruns)
        }
        return if (verdict.outcome().reproduced()) 0 else 1
    }

    private fun printVerdict(out: java.io.PrintWriter, verdict: ReproductionVerdict, originals: List<RunManifest>, reruns: List<RunManifest>) {
        out.println("${verdict.outcome().label.uppercase()} (${verdict.mode()}): ${verdict.summary()}")
        out.println("why ${verdict.mode()}: ${verdict.reason()}")
        if (verdict.mode() == "bit-exact") {
            verdict.seeds().forEach { s ->
                out.println("  seed ${s.seed()}: ${if (s.identical()) "identical" else "DIFFERS"}  ${s.rerunChecksum().take(16)}  (original ${s.originalChecksum().take(16)})")
            }
            reruns.filter { r -> verdict.seeds().any { it.seed() == r.seed() && !it.identical() } }.forEach { r ->
                originals.find { it.seed() == r.seed() }?.let { o -> ScoreTable.print(out, "seed ${r.seed()}", o, r) }
            }
        } else {
            out.println(String.format(java.util.Locale.ROOT, "  %-28s %9s %9s %9s %9s", "task (success rate)", "original", "re-run", "change", "Holm p"))
            verdict.statistics().tasks().filter { it.metric() == "success_rate" }.forEach { t ->
                out.println(String.format(java.util.Locale.ROOT, "  %-28s %9.3f %9.3f %+9.3f %9.3g%s", t.task(), t.originalMean(), t.rerunMean(),
                    t.difference(), t.adjustedP(), if (t.task() in verdict.statistics().named()) "  <-" else ""))
            }
        }
    }
}
