package org.mtboard.reproduce.train

import org.mtboard.engine.nn.NetworkDevice
import org.mtboard.engine.recipe.ConfigException
import org.mtboard.engine.run.BackendChoice
import org.mtboard.reproduce.sim.SimOptions
import picocli.CommandLine

/** --backend, --device and --threads of every command that trains: `train`, `reproduce check` and `reproduce replay`. */
class TrainingOptions {
    @CommandLine.Option(names = ["--backend"], description = ["simulator: cpu, cuda, or auto (cuda where a GPU is usable); both step the same bits (default: \${DEFAULT-VALUE})"])
    var backend: String = "cpu"

    @CommandLine.Option(names = ["--device"], description = ["where the networks train: cpu, gpu, or auto (gpu where DJL's libtorch sees one) (default: \${DEFAULT-VALUE})"])
    var device: String = "cpu"

    @CommandLine.Option(names = ["--threads"], description = ["simulation threads (default: all cores; never changes a pinned run's result)"])
    var threads: Int? = null

    /** The engine's rule, checked before anything is read or written: a refused --backend is a usage error. */
    fun backend(spec: CommandLine.Model.CommandSpec): String =
        try {
            BackendChoice.forTraining(backend) { line -> spec.commandLine().err.println(line) }
        } catch (e: ConfigException) {
            throw CommandLine.ParameterException(spec.commandLine(), "--backend ${e.problems()[0].message()}")
        }

    /** The engine's device rule, likewise checked before anything runs. */
    fun device(spec: CommandLine.Model.CommandSpec): String =
        try {
            NetworkDevice.resolve(device) { line -> spec.commandLine().err.println(line) }
        } catch (e: ConfigException) {
            throw CommandLine.ParameterException(spec.commandLine(), "--device ${e.problems()[0].message()}")
        }

    fun threads(spec: CommandLine.Model.CommandSpec): Int = SimOptions.threads(spec, threads)
}
