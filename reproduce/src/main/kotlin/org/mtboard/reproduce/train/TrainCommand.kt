package org.mtboard.reproduce.train

import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import java.util.concurrent.Callable
import org.mtboard.engine.recipe.ConfigException
import org.mtboard.engine.run.EpochRecord
import org.mtboard.engine.run.ProgressLine
import org.mtboard.engine.run.RunSpec
import org.mtboard.engine.run.Runs
import org.mtboard.engine.run.Trainer
import org.mtboard.reproduce.RecipeOptions
import picocli.CommandLine

@CommandLine.Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = [
        "Trains a submission on one frozen seed of a benchmark tier and writes DIR/result.json and DIR/curve.csv.",
        "Checkpoints go to DIR/checkpoint.bin; --resume continues from it and ends bit-identical to an uninterrupted run.",
    ],
)
class TrainCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Mixin
    var target = RecipeOptions()

    @CommandLine.Option(names = ["--seed"], required = true, description = ["one of the tier's frozen seeds"])
    var seed: Int = 0

    @CommandLine.Option(names = ["--out"], required = true, description = ["output directory"])
    lateinit var out: Path

    @CommandLine.Option(names = ["--resume"], description = ["continue from DIR/checkpoint.bin if present"])
    var resume: Boolean = false

    @CommandLine.Option(names = ["--checkpoint-every"], description = ["epochs between checkpoints, 0 for none (default: \${DEFAULT-VALUE})"])
    var checkpointEvery: Int = 10

    @CommandLine.Option(names = ["--max-epochs"], description = ["stop after N epochs; the result is marked partial (default: the tier's budget)"])
    var maxEpochs: Int = 0

    @CommandLine.Mixin
    var training = TrainingOptions()

    @CommandLine.Option(names = ["--json"], description = ["print the result as JSON"])
    var json: Boolean = false

    private fun fail(message: String): Nothing = throw CommandLine.ParameterException(spec.commandLine(), message)

    override fun call(): Int {
        // the engine's rule, checked first as always: a refused --backend fails before anything is read or written
        val chosenBackend = training.backend(spec)
        val chosenDevice = training.device(spec)
        if (checkpointEvery < 0) fail("--checkpoint-every must be at least 0, got $checkpointEvery")
        if (maxEpochs < 0) fail("--max-epochs must be at least 0, got $maxEpochs")
        val workers = training.threads(spec)
        val (sub, bench, chosen) = target.resolve(spec)
        val run = try {
            RunSpec(sub, bench, chosen, seed)
        } catch (e: ConfigException) {
            fail("--seed ${e.message!!.removePrefix("seed: ")}")
        }
        Files.createDirectories(out)
        val err = spec.commandLine().err
        val curveFile = CurveFile(out.resolve("curve.csv"))
        val manifest = Runs.train(run, Runs.Settings(workers, out, checkpointEvery, resume, maxEpochs, chosenBackend, chosenDevice), null, object : Trainer.Progress {
            override fun onStart(taskNames: List<String>, epochsSoFar: List<EpochRecord>) = curveFile.start(taskNames, epochsSoFar)

            override fun onNotice(line: String) = err.println(line)

            override fun onEpoch(record: EpochRecord, totalEpochs: Int) {
                curveFile.append(record)
                err.println(ProgressLine.of(record, totalEpochs))
            }
        })
        val json = manifest.toJson()
        Files.writeString(out.resolve("result.json"), json + "\n")
        if (this.json) {
            spec.commandLine().out.println(json)
        } else {
            spec.commandLine().out.println("%s seed %d: mean success rate %.3f after %d frames (%.0f s, %.0f frames/s)%s; wrote %s".format(
                Locale.ROOT, sub.name(), seed, manifest.meanSuccessRate(), manifest.frames(), manifest.wallSeconds(), manifest.fps(),
                if (manifest.partial()) " [partial]" else "", out))
        }
        return 0
    }
}
