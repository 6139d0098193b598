package org.mtboard.reproduce.submission

import java.util.concurrent.Callable
import org.mtboard.reproduce.Json
import org.mtboard.reproduce.RecipeOptions
import picocli.CommandLine

@CommandLine.Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = [
        "Validates a submission YAML (and the benchmark definition) and prints the settings a run would use.",
        "Unknown keys, wrong types and out-of-range values are reported with the field and what is allowed, every one of them,",
        "one per line (exit 2).",
    ],
)
class SubmissionCheckCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Mixin
    var target = RecipeOptions()

    @CommandLine.Option(names = ["--json"], description = ["print JSON instead of text"])
    var json: Boolean = false

    override fun call(): Int {
        val (sub, bench, chosen) = target.resolve(spec)
        val hp = sub.hyperparameters()
        val numEnvs = if (chosen.numEnvs() > 0) chosen.numEnvs() else hp.numEnvs()
        val summary = linkedMapOf<String, Any?>(
            "submission" to sub.name(), "algorithm" to sub.algorithm().label(),
            "benchmark" to bench.name(), "protocol_version" to bench.protocolVersion(), "suite" to bench.suite(),
            "variant" to bench.variant(), "tier" to chosen.name(), "seeds" to chosen.seeds(), "frames" to chosen.frames(),
            "num_envs" to numEnvs, "horizon" to hp.horizon(), "frames_per_epoch" to numEnvs.toLong() * hp.horizon(),
            "network" to sub.network(), "hyperparameters" to hp,
        )
        val out = spec.commandLine().out
        if (json) {
            out.println(Json.write(summary))
        } else {
            out.println("${target.submission}: valid ${sub.algorithm().label()} submission '${sub.name()}'")
            out.println("  ${bench.name()} v${bench.protocolVersion()} (${bench.suite()}-${bench.variant()}), tier ${chosen.name()}: " +
                "seeds ${chosen.seeds()}, ${chosen.frames()} frames, $numEnvs envs x horizon ${hp.horizon()} " +
                "= ${numEnvs.toLong() * hp.horizon()} frames per epoch")
        }
        return 0
    }
}
