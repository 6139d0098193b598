package org.mtboard.reproduce.sim

import picocli.CommandLine

@CommandLine.Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = ["The batched tabletop simulator: check task solvability, measure throughput."],
)
class SimCommand : Runnable {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    override fun run() {
        throw CommandLine.ParameterException(spec.commandLine(), "a sim command is required: check, bench, parity")
    }
}
