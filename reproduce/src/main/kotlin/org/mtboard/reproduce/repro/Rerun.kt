package org.mtboard.reproduce.repro

import java.io.PrintWriter
import java.nio.file.Files
import java.nio.file.Path
import org.mtboard.engine.run.EpochRecord
import org.mtboard.engine.run.ProgressLine
import org.mtboard.engine.run.RunManifest
import org.mtboard.engine.run.RunSpec
import org.mtboard.engine.run.Runs
import org.mtboard.engine.run.Trainer
import org.mtboard.reproduce.train.CurveFile

/**
 * One re-run of an original's config on a seed, into DIR/result.json and DIR/curve.csv as
 * `mtboard train` writes them; checkpointed, so an interrupted check picks up where it stopped
 * when run again with the same --work.
 */
object Rerun {
    fun run(originals: OriginalRuns, seed: Int, dir: Path, threads: Int, backend: String, device: String, maxEpochs: Int, label: String, err: PrintWriter): RunManifest {
        Files.createDirectories(dir)
        val curve = CurveFile(dir.resolve("curve.csv"))
        val spec = RunSpec.reproduction(originals.submission, originals.benchmark, originals.tier, seed)
        val manifest = Runs.train(spec, Runs.Settings(threads, dir, 10, true, maxEpochs, backend, device), null, object : Trainer.Progress {
            override fun onStart(taskNames: List<String>, epochsSoFar: List<EpochRecord>) = curve.start(taskNames, epochsSoFar)

            override fun onNotice(line: String) = err.println(line)

            override fun onEpoch(record: EpochRecord, totalEpochs: Int) {
                curve.append(record)
                err.println("$label  ${ProgressLine.of(record, totalEpochs)}")
                err.flush()
            }
        })
        Files.writeString(dir.resolve("result.json"), manifest.toJson() + "\n")
        return manifest
    }
}
