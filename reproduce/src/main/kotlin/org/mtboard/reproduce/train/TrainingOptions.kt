package org.mtboard.reproduce.train

import org.mtboard.engine.recipe.ConfigException
import org.mtboard.engine.run.BackendChoice
import org.mtboard.reproduce.sim.SimOptions
import picocli.CommandLine

/** --backend and --threads of every command that trains: `train`, `reproduce check` and `reproduce replay`. */
class TrainingOptions {
    @CommandLine.Option(names = ["--backend"], description = ["simulator backend: cpu, or auto (cpu where no GPU) (default: \${DEFAULT-VALUE})"])
    var backend: String = "cpu"

    @CommandLine.Option(names = ["--threads"], description = ["simulation threads (default: all cores; never changes a pinned run's result)"])
    var threads: Int? = null

    /** The engine's rule, checked before anything is read or written: a refused --backend is a usage error. */
    fun backend(spec: CommandLine.Model.CommandSpec): String =
        try {
            BackendChoice.forTraining(backend) { line -> spec.commandLine().err.println(line) }
        } catch (e: ConfigException) {
            throw CommandLine.ParameterException(spec.commandLine(), "--backend ${e.problems()[0].message()}")
        }

    fun threads(spec: CommandLine.Model.CommandSpec): Int = SimOptions.threads(spec, threads)
}
