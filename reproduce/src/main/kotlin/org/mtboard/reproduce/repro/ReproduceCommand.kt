package org.mtboard.reproduce.repro

import org.mtboard.reproduce.CommandGroup
import picocli.CommandLine

@CommandLine.Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = [
        "Re-runs published results and says whether they reproduce: bit-exact where the numerics pins match, statistically otherwise.",
        "Exit 0 reproduced, 1 not reproduced, 2 usage error.",
    ],
)
class ReproduceCommand : CommandGroup("check, replay")
