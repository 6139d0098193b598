package org.mtboard.reproduce.sim

import java.util.concurrent.Callable
import org.mtboard.engine.sim.SimBench
import org.mtboard.reproduce.Json
import picocli.CommandLine

@CommandLine.Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = ["Measures simulator throughput (env-steps/s) with uniform random actions on a task mix."],
)
class SimBenchCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Option(names = ["--suite"], description = ["mt10, or task ids separated by commas (default: \${DEFAULT-VALUE})"])
    var suite: String = "mt10"

    @CommandLine.Option(names = ["--envs"], description = ["number of envs (default: \${DEFAULT-VALUE})"])
    var envs: Int = 4096

    @CommandLine.Option(names = ["--steps"], description = ["timed control steps (default: \${DEFAULT-VALUE})"])
    var steps: Int = 1000

    @CommandLine.Option(names = ["--warmup"], description = ["untimed steps first, for the JIT (default: \${DEFAULT-VALUE})"])
    var warmup: Int = 300

    @CommandLine.Option(names = ["--backend"], description = ["simulator backend; this build has: cpu (default: \${DEFAULT-VALUE})"])
    var backend: String = "cpu"

    @CommandLine.Option(names = ["--seed"], description = ["run seed (default: \${DEFAULT-VALUE})"])
    var seed: Int = 1

    @CommandLine.Option(names = ["--threads"], description = ["simulation threads (default: all cores)"])
    var threads: Int? = null

    @CommandLine.Option(names = ["--json"], description = ["print JSON instead of text"])
    var json: Boolean = false

    override fun call(): Int {
        val tasks = SimOptions.suite(spec, suite)
        SimOptions.oneOf(spec, "--backend", backend, listOf("cpu"))
        SimOptions.atLeast(spec, "--envs", envs, tasks.size)
        SimOptions.atLeast(spec, "--steps", steps, 1)
        SimOptions.atLeast(spec, "--warmup", warmup, 0)
        val result = SimBench.run(tasks, envs, steps, warmup, seed, SimOptions.threads(spec, threads))
        val out = spec.commandLine().out
        if (json) {
            out.println(Json.write(linkedMapOf(
                "backend" to result.backend(), "envs" to result.envs(), "steps" to result.steps(),
                "env_steps_per_s" to result.envStepsPerSecond(), "threads" to result.threads(),
                "seconds" to result.seconds(), "allocated_bytes" to result.allocatedBytes(), "suite" to suite,
            )))
        } else {
            out.println("%s backend, %d envs x %d steps on %d threads: %.0f env-steps/s (%.3f s, %d bytes allocated)".format(
                result.backend(), result.envs(), result.steps(), result.threads(), result.envStepsPerSecond(),
                result.seconds(), result.allocatedBytes()))
        }
        return 0
    }
}
