package org.mtboard.reproduce.sim

import java.util.concurrent.Callable
import org.mtboard.engine.sim.SimCheck
import org.mtboard.reproduce.Json
import picocli.CommandLine

@CommandLine.Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = ["Runs each task's scripted expert, or uniform random actions, and reports per-task success rate and mean return."],
)
class SimCheckCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Option(names = ["--policy"], description = ["scripted or random (default: \${DEFAULT-VALUE})"])
    var policy: String = "scripted"

    @CommandLine.Option(names = ["--episodes-per-task"], description = ["episodes per task (default: \${DEFAULT-VALUE})"])
    var episodesPerTask: Int = 100

    @CommandLine.Option(names = ["--backend"], description = ["cpu, cuda or auto (default: \${DEFAULT-VALUE})"])
    var backend: String = "cpu"

    @CommandLine.Mixin
    var run = SimRunOptions()

    override fun call(): Int {
        val tasks = SimOptions.suite(spec, run.suite)
        val kind = when (SimOptions.oneOf(spec, "--policy", policy, listOf("scripted", "random"))) {
            "scripted" -> SimCheck.PolicyKind.SCRIPTED
            else -> SimCheck.PolicyKind.RANDOM
        }
        SimOptions.atLeast(spec, "--episodes-per-task", episodesPerTask, 1)
        val factory = SimOptions.envFactory(spec, SimOptions.backend(spec, backend), run.seed, SimOptions.threads(spec, run.threads))
        val results = SimCheck.run(tasks, kind, episodesPerTask, run.seed) { set -> factory(set) }
        val out = spec.commandLine().out
        if (run.json) {
            val perTask = results.values.associate {
                it.task() to linkedMapOf("success_rate" to it.successRate(), "mean_return" to it.meanReturn())
            }
            out.println(Json.write(linkedMapOf(
                "suite" to run.suite, "policy" to kind.name.lowercase(), "seed" to run.seed,
                "episodes_per_task" to episodesPerTask, "tasks" to perTask,
            )))
        } else {
            out.println("%-28s %12s %12s".format("task", "success_rate", "mean_return"))
            results.values.forEach { out.println("%-28s %12.3f %12.1f".format(it.task(), it.successRate(), it.meanReturn())) }
        }
        return 0
    }
}
