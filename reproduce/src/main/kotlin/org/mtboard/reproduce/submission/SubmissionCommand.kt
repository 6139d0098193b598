package org.mtboard.reproduce.submission

import org.mtboard.reproduce.CommandGroup
import picocli.CommandLine

@CommandLine.Command(
    name = "submission",
    mixinStandardHelpOptions = true,
    description = ["Submission files: check one against the benchmark before it is trained."],
)
class SubmissionCommand : CommandGroup("check")
