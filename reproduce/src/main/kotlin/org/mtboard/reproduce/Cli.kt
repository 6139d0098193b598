package org.mtboard.reproduce

import java.io.PrintWriter
import org.mtboard.reproduce.client.BoardCommand
import org.mtboard.reproduce.client.ClientEnv
import org.mtboard.reproduce.client.ServiceException
import org.mtboard.reproduce.client.StatusCommand
import org.mtboard.reproduce.client.SubmitCommand
import org.mtboard.reproduce.repro.CheckCommand
import org.mtboard.reproduce.repro.ReplayCommand
import org.mtboard.reproduce.repro.ReproduceCommand
import org.mtboard.reproduce.sim.SimBenchCommand
import org.mtboard.reproduce.sim.SimCheckCommand
import org.mtboard.reproduce.sim.SimCommand
import org.mtboard.reproduce.sim.SimParityCommand
import org.mtboard.reproduce.stats.StatsAggregateCommand
import org.mtboard.reproduce.stats.StatsBenchCommand
import org.mtboard.reproduce.stats.StatsCommand
import org.mtboard.reproduce.stats.StatsPoiCommand
import org.mtboard.reproduce.stats.StatsProfileCommand
import org.mtboard.reproduce.submission.SubmissionCheckCommand
import org.mtboard.reproduce.submission.SubmissionCommand
import org.mtboard.reproduce.train.TrainCommand
import picocli.CommandLine

/**
 * Wires the command tree and MTBoard's exit-code convention: 0 success, 2 usage error (one line
 * naming the argument, no stack trace; an input file with several problems adds one line for each),
 * 1 runtime failure. The service commands (submit, status, board) read the environment through
 * [ClientEnv]; a [ServiceException] carries their exit code.
 */
object Cli {
    const val USAGE_ERROR = 2
    const val RUNTIME_ERROR = 1

    fun commandLine(out: PrintWriter, err: PrintWriter, env: ClientEnv = ClientEnv.system()): CommandLine {
        val sim = CommandLine(SimCommand())
            .addSubcommand(SimCheckCommand())
            .addSubcommand(SimBenchCommand())
            .addSubcommand(SimParityCommand())
        val stats = CommandLine(StatsCommand())
            .addSubcommand(StatsAggregateCommand())
            .addSubcommand(StatsPoiCommand())
            .addSubcommand(StatsProfileCommand())
            .addSubcommand(StatsBenchCommand())
        val submission = CommandLine(SubmissionCommand()).addSubcommand(SubmissionCheckCommand())
        val reproduce = CommandLine(ReproduceCommand()).addSubcommand(CheckCommand(env)).addSubcommand(ReplayCommand())
        val root = CommandLine(MtboardCommand()).addSubcommand(sim).addSubcommand(stats).addSubcommand(submission)
            .addSubcommand(TrainCommand())
            .addSubcommand(reproduce)
            .addSubcommand(DoctorCommand())
            .addSubcommand(SubmitCommand(env))
            .addSubcommand(StatusCommand(env))
            .addSubcommand(BoardCommand(env))
        root.out = out
        root.err = err
        root.setParameterExceptionHandler { e, _ ->
            val cmd = e.commandLine
            // a file with several problems: the first line says how many, one line follows per problem
            val lines = (e.message ?: "").lines()
            cmd.err.println("mtboard: error: ${lines.first()} (see '${cmd.commandSpec.qualifiedName()} --help')")
            lines.drop(1).forEach { cmd.err.println(it) }
            USAGE_ERROR
        }
        root.setExecutionExceptionHandler { e, cmd, _ ->
            if (e is ServiceException) {
                val prefix = if (e.exitCode == USAGE_ERROR) "mtboard: error: " else "mtboard: failed: "
                e.lines.forEachIndexed { i, line -> cmd.err.println(if (i == 0) prefix + line else line) }
                return@setExecutionExceptionHandler e.exitCode
            }
            cmd.err.println("mtboard: failed: ${e.message ?: e.javaClass.simpleName}")
            RUNTIME_ERROR
        }
        return root
    }

    fun run(args: Array<String>, out: PrintWriter, err: PrintWriter, env: ClientEnv = ClientEnv.system()): Int =
        commandLine(out, err, env).execute(*args)
}

@CommandLine.Command(
    name = "mtboard",
    mixinStandardHelpOptions = true,
    version = ["mtboard 0.1.0"],
    description = [
        "MTBoard: official evaluation of multi-task RL on Meta-World MT10/MT50.",
        "Local: sim, stats, submission, train, reproduce, doctor. The service (--server, default \$${ClientEnv.SERVER_VAR} or ${ClientEnv.DEFAULT_SERVER}): submit, status, board.",
    ],
)
class MtboardCommand : CommandGroup("sim, stats, submission, train, reproduce, doctor, submit, status, board")
