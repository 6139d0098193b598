package org.mtboard.reproduce.client

import java.util.concurrent.Callable
import picocli.CommandLine

@CommandLine.Command(
    name = "board",
    mixinStandardHelpOptions = true,
    description = [
        "Prints a benchmark tier's leaderboard on the MTBoard service: rank and rank tier, method, mean and IQM with intervals in percent,",
        "optimality gap, seeds done, frames, wall-clock and submission date; --json or --csv print the service's answer as is.",
    ],
)
class BoardCommand(private val env: ClientEnv) : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Parameters(index = "0", paramLabel = "B", description = ["benchmark name, e.g. mt10-rand"])
    lateinit var benchmark: String

    @CommandLine.Option(names = ["--tier"], required = true, paramLabel = "T", description = ["smoke, standard or official"])
    lateinit var tier: String

    @CommandLine.Option(names = ["--sort"], paramLabel = "METRIC", description = ["metric to rank by, e.g. iqm, mean, median, optimality_gap (default: the service's)"])
    var sort: String? = null

    @CommandLine.Option(names = ["--order"], paramLabel = "asc|desc", description = ["sort order (default: the service's)"])
    var order: String? = null

    @CommandLine.Option(names = ["--json"], description = ["print the service's JSON as is"])
    var json: Boolean = false

    @CommandLine.Option(names = ["--csv"], description = ["ask for CSV (Accept: text/csv) and print it as is"])
    var csv: Boolean = false

    @CommandLine.Mixin
    var server = ServerOptions()

    override fun call(): Int {
        val cli = spec.commandLine()
        if (order != null && order !in setOf("asc", "desc")) throw CommandLine.ParameterException(cli, "--order must be one of asc, desc; got '$order'")
        if (json && csv) throw CommandLine.ParameterException(cli, "--json and --csv cannot be used together")
        val client = server.client(env)
        val response = client.ok(client.get("/api/leaderboards/${ServiceClient.encode(benchmark)}",
            listOf("tier" to tier, "sort" to sort, "order" to order), if (csv) "text/csv" else "application/json"))
        val out = cli.out
        if (json || csv) {
            out.print(response.body)
            if (!response.body.endsWith("\n")) out.println()
            out.flush()
            return 0
        }
        val board = response.json()
        if (board.path("entries").size() == 0) {
            out.println("no entries yet on $benchmark/$tier")
        } else {
            BoardView.render(board).forEach(out::println)
        }
        return 0
    }
}
