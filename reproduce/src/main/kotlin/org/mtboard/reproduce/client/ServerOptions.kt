package org.mtboard.reproduce.client

import picocli.CommandLine

/** `--server URL`, shared by the service commands. */
class ServerOptions {
    @CommandLine.Option(names = ["--server"], paramLabel = "URL",
        description = ["the MTBoard service (default: \$${ClientEnv.SERVER_VAR}, else ${ClientEnv.DEFAULT_SERVER})"])
    var server: String? = null

    /** A client for the chosen server, sending the token when there is one. */
    fun client(env: ClientEnv, token: ClientEnv.Token? = env.token()): ServiceClient = ServiceClient(env.server(server), token, env)
}
