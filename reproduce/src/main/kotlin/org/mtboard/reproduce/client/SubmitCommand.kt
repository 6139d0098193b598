package org.mtboard.reproduce.client

import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable
import picocli.CommandLine

@CommandLine.Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = [
        "Submits a submission YAML to the MTBoard service for training on a benchmark tier, and prints its number, seeds and queue position.",
        "An identical config already submitted for the benchmark, version and tier is not queued again: the earlier submission is named.",
        "Needs a token: \$${ClientEnv.TOKEN_VAR}, else ${ClientEnv.TOKEN_FILE}. --follow then watches it like `mtboard status ID --follow`.",
    ],
)
class SubmitCommand(private val env: ClientEnv) : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = ["submission YAML file (sent as is)"])
    lateinit var file: Path

    @CommandLine.Option(names = ["--benchmark"], required = true, paramLabel = "B", description = ["benchmark name, e.g. mt10-rand"])
    lateinit var benchmark: String

    @CommandLine.Option(names = ["--tier"], required = true, paramLabel = "T", description = ["smoke, standard or official"])
    lateinit var tier: String

    @CommandLine.Option(names = ["--method"], paramLabel = "NAME", description = ["method name on the board (default: the service's choice, from the file)"])
    var method: String? = null

    @CommandLine.Option(names = ["--description"], paramLabel = "TEXT", description = ["one-line description"])
    var description: String? = null

    @CommandLine.Option(names = ["--paper-url"], paramLabel = "URL", description = ["link to the paper"])
    var paperUrl: String? = null

    @CommandLine.Option(names = ["--code-url"], paramLabel = "URL", description = ["link to the code"])
    var codeUrl: String? = null

    @CommandLine.Option(names = ["--follow"], description = ["then watch it until it is finished, failed or cancelled"])
    var follow: Boolean = false

    @CommandLine.Mixin
    var server = ServerOptions()

    override fun call(): Int {
        val body = try {
            if (!Files.isRegularFile(file)) throw CommandLine.ParameterException(spec.commandLine(), "FILE: no such file: $file")
            Files.readAllBytes(file)
        } catch (e: IOException) {
            throw CommandLine.ParameterException(spec.commandLine(), "FILE: cannot read $file: ${e.message}")
        }
        val token = env.token() ?: throw ServiceException(2, listOf(ClientEnv.NO_TOKEN))
        val client = server.client(env, token)
        val response = client.ok(client.post("/api/submissions", listOf(
            "benchmark" to benchmark, "tier" to tier, "method" to method, "description" to description,
            "paper_url" to paperUrl, "code_url" to codeUrl,
        ), "application/yaml", body))
        val node = response.json()
        val id = node.path("id").asLong()
        val status = node.path("status").asText()
        val duplicate = node.get("duplicate")?.takeIf { it.isBoolean }?.asBoolean() ?: (response.status == 200)
        val out = spec.commandLine().out
        if (duplicate) {
            out.println("already submitted as #$id (status $status)")
        } else {
            val seeds = node.path("runs").map { it.path("seed").asText() }
            val queue = node.get("queue_position")?.takeIf { it.isNumber }?.asInt()
            out.println("submitted #$id to $benchmark/$tier: ${seeds.size} run${if (seeds.size == 1) "" else "s"} " +
                "(seed${if (seeds.size == 1) "" else "s"} ${seeds.joinToString(", ")}), " +
                if (queue != null) "queue position $queue" else "status $status")
        }
        if (follow) {
            out.println()
            return StatusView.follow(client, id, env, out, spec.commandLine().err, json = false)
        }
        val serverArg = if (server.server != null && client.server != env.server(null)) " --server ${client.server}" else ""
        out.println("follow it with: ./mtboard status $id --follow$serverArg")
        return 0
    }
}
