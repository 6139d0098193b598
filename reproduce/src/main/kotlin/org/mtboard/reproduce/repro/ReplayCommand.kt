package org.mtboard.reproduce.repro

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable
import org.mtboard.engine.nn.CpuNumerics
import org.mtboard.engine.repro.BitExactRule
import org.mtboard.engine.repro.CurveDiff
import org.mtboard.engine.run.NetworkPlacement
import org.mtboard.reproduce.Json
import org.mtboard.reproduce.train.TrainingOptions
import picocli.CommandLine

@CommandLine.Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = [
        "Re-runs a local `mtboard train` result (DIR/result.json and curve.csv) and checks it bit for bit: the run checksum, or with",
        "--max-epochs N the first N epochs' curve rows (each carries a digest of the parameters after that epoch's update).",
        "On a mismatch it prints the first epoch whose row differs and, for a whole run, the per-task scores. Exit 0 identical, 1 differs, 2 usage error.",
    ],
)
class ReplayCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Parameters(index = "0", paramLabel = "DIR", description = ["a run directory written by `mtboard train --out DIR`"])
    lateinit var dir: Path

    @CommandLine.Option(names = ["--config"], paramLabel = "FILE", description = ["the submission YAML (default: DIR/config.yaml, or submissions/baselines/NAME.yaml for a committed result)"])
    var config: Path? = null

    @CommandLine.Option(names = ["--benchmark"], paramLabel = "NAME|FILE", description = ["benchmark definition (default: the one result.json names)"])
    var benchmark: String? = null

    @CommandLine.Option(names = ["--max-epochs"], description = ["replay only the first N epochs and compare their curve rows (default: the whole run)"])
    var maxEpochs: Int = 0

    @CommandLine.Mixin
    var training = TrainingOptions()

    @CommandLine.Option(names = ["--work"], paramLabel = "DIR", description = ["where the replay goes (DIR/result.json, curve.csv); run again with the same DIR to resume (default: a new temporary directory)"])
    var work: Path? = null

    @CommandLine.Option(names = ["--json"], description = ["print the outcome as JSON"])
    var json: Boolean = false

    private fun usage(message: String): Nothing = throw CommandLine.ParameterException(spec.commandLine(), message)

    override fun call(): Int {
        val err = spec.commandLine().err
        val out = spec.commandLine().out
        val chosenBackend = training.backend(spec)
        val chosenDevice = training.device(spec)
        if (maxEpochs < 0) usage("--max-epochs must be at least 0, got $maxEpochs")
        val workers = training.threads(spec)
        if (!Files.isRegularFile(dir.resolve("result.json"))) usage("DIR: $dir has no result.json (write one with `mtboard train --out DIR`)")
        val originals = OriginalRuns.fromResult(spec, dir, config, benchmark, "DIR")
        val original = originals.runs.single()
        val originalCurve = originals.curves[original.seed()] ?: usage("DIR: $dir has no curve.csv beside result.json")
        originals.warnings.forEach { err.println("mtboard: warning: $it") }
        val totalEpochs = CurveDiff.epochs(originalCurve)
        val whole = maxEpochs == 0 || maxEpochs >= totalEpochs
        val expectation = BitExactRule.expect(original, chosenBackend, CpuNumerics.current(), NetworkPlacement.of(chosenDevice), workers)
        err.println("mtboard replay: ${originals.label} seed ${original.seed()}, ${if (whole) "all $totalEpochs epochs" else "first $maxEpochs of $totalEpochs epochs"}")
        err.println("mtboard replay: " + (if (expectation.bitExact()) "bit-exact expected: " else "bit-exact NOT expected, a mismatch may be the machine, not the code: ") + expectation.reason())
        val target = work ?: Files.createTempDirectory("mtboard-replay")
        // as many epochs as the original ran (a partial original stopped early), or the first --max-epochs of them
        val replay = Rerun.run(originals, original.seed(), target, workers, chosenBackend, chosenDevice, if (whole) totalEpochs else maxEpochs, "replay", err)
        val replayCurve = Files.readString(target.resolve("curve.csv"))
        val difference = CurveDiff.firstDifference(originalCurve, replayCurve, if (whole) 0 else maxEpochs)
        val checksumsAgree = !whole || replay.checksum() == original.checksum()
        val identical = difference == null && checksumsAgree
        if (json) {
            out.println(Json.write(linkedMapOf(
                "identical" to identical, "epochs_compared" to if (whole) totalEpochs else maxEpochs, "bit_exact_expected" to expectation.bitExact(),
                "reason" to expectation.reason(), "checksum" to if (whole) replay.checksum() else null,
                "original_checksum" to original.checksum(), "first_difference" to difference?.let { d ->
                    linkedMapOf("epoch" to d.epoch(), "cells" to d.cells().map { linkedMapOf("column" to it.column(), "expected" to it.expected(), "actual" to it.actual()) })
                })))
            return if (identical) 0 else 1
        }
        if (identical) {
            out.println(if (whole) "IDENTICAL: checksum ${replay.checksum()} matches, all $totalEpochs curve rows agree"
            else "IDENTICAL: the first $maxEpochs epochs agree (losses, scores and the parameters' digest at every epoch)")
            return 0
        }
        out.println("DIFFERS from $dir" + (if (whole) ": checksum ${replay.checksum().take(16)}, expected ${original.checksum().take(16)}" else ""))
        if (difference != null) {
            out.println("  first differing epoch: ${difference.epoch()} (of ${if (whole) totalEpochs else maxEpochs} compared)")
            difference.cells().forEach { out.println(String.format(java.util.Locale.ROOT, "    %-24s %s -> %s", it.column(), it.expected(), it.actual())) }
        }
        if (whole) ScoreTable.print(out, "scores", original, replay)
        return 1
    }
}
