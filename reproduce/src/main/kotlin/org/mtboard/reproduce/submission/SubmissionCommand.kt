package org.mtboard.reproduce.submission

import picocli.CommandLine

@CommandLine.Command(
    name = "submission",
    mixinStandardHelpOptions = true,
    description = ["Submission files: check one against the benchmark before it is trained."],
)
class SubmissionCommand : Runnable {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    override fun run() {
        throw CommandLine.ParameterException(spec.commandLine(), "a submission command is required: check")
    }
}
