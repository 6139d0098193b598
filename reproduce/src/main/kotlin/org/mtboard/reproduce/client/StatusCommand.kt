package org.mtboard.reproduce.client

import java.util.concurrent.Callable
import picocli.CommandLine

@CommandLine.Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = [
        "Shows a submission on the MTBoard service: its state, one progress bar per seed (epoch, success rate, ETA, attempt, worker), errors and the latest audit events.",
        "--follow redraws every 2 s until it is finished (exit 0), failed or cancelled (exit 1). Needs no token; sends one if set.",
    ],
)
class StatusCommand(private val env: ClientEnv) : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Parameters(index = "0", paramLabel = "ID", description = ["submission number, e.g. 12"])
    lateinit var id: String

    @CommandLine.Option(names = ["--follow"], description = ["keep watching until the submission is finished, failed or cancelled"])
    var follow: Boolean = false

    @CommandLine.Option(names = ["--json"], description = ["print the service's JSON as is (with --follow: once, when it ends)"])
    var json: Boolean = false

    @CommandLine.Mixin
    var server = ServerOptions()

    override fun call(): Int {
        val number = parseId(spec, id)
        val client = server.client(env)
        val out = spec.commandLine().out
        if (follow) return StatusView.follow(client, number, env, out, spec.commandLine().err, json)
        val response = StatusView.fetch(client, number)
        if (json) {
            out.println(response.body.trimEnd())
        } else {
            StatusView.render(response.json()).forEach(out::println)
        }
        return 0
    }

    companion object {
        /** 12 or #12. */
        fun parseId(spec: CommandLine.Model.CommandSpec, text: String): Long =
            text.removePrefix("#").toLongOrNull()?.takeIf { it > 0 }
                ?: throw CommandLine.ParameterException(spec.commandLine(), "ID must be a submission number such as 12, got '$text'")
    }
}
