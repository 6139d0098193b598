package org.mtboard.reproduce.repro

import java.nio.file.Files
import java.nio.file.Path
import org.mtboard.engine.recipe.ConfigException
import org.mtboard.engine.run.BackendChoice
import picocli.CommandLine

/** Where and how `reproduce check` and `replay` re-train: --backend, --threads, --work. */
class RerunOptions {
    @CommandLine.Option(names = ["--backend"], description = ["simulator backend: cpu, or auto (default: \${DEFAULT-VALUE})"])
    var backend: String = "cpu"

    @CommandLine.Option(names = ["--threads"], description = ["simulation threads (default: all cores; never changes a pinned run's result)"])
    var threads: Int? = null

    @CommandLine.Option(names = ["--work"], paramLabel = "DIR", description = ["where re-runs go; run again with the same DIR to resume (default: a new temporary directory)"])
    var work: Path? = null

    /** The checked choices: the engine's backend rule first, as `train` applies it. */
    data class Resolved(val backend: String, val threads: Int)

    fun resolve(spec: CommandLine.Model.CommandSpec): Resolved {
        val backendChosen = try {
            BackendChoice.forTraining(backend) { spec.commandLine().err.println(it) }
        } catch (e: ConfigException) {
            throw CommandLine.ParameterException(spec.commandLine(), "--backend ${e.problems()[0].message()}")
        }
        val workers = threads ?: Runtime.getRuntime().availableProcessors()
        if (workers < 1) throw CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got $workers")
        return Resolved(backendChosen, workers)
    }

    fun workDir(prefix: String): Path = work ?: Files.createTempDirectory(prefix)
}
