package org.mtboard.reproduce.sim

import org.mtboard.reproduce.CommandGroup
import picocli.CommandLine

@CommandLine.Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = ["The batched tabletop simulator: check task solvability, measure throughput, check CPU/CUDA parity."],
)
class SimCommand : CommandGroup("check, bench, parity")
