package org.mtboard.reproduce

import picocli.CommandLine

/** A command that only groups subcommands: run alone, it is a usage error listing them. */
abstract class CommandGroup(private val subcommands: String) : Runnable {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    override fun run() {
        throw CommandLine.ParameterException(spec.commandLine(), "a ${spec.name()} command is required: $subcommands")
    }
}
