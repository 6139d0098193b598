package org.mtboard.reproduce.sim

import java.util.concurrent.Callable
import org.mtboard.engine.sim.Backends
import org.mtboard.engine.sim.SimBench
import org.mtboard.engine.sim.cuda.DeviceBandwidth
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

    @CommandLine.Option(names = ["--envs"], description = ["number of envs (default: \${DEFAULT-VALUE})"])
    var envs: Int = 4096

    @CommandLine.Option(names = ["--steps"], description = ["timed control steps (default: \${DEFAULT-VALUE})"])
    var steps: Int = 1000

    @CommandLine.Option(names = ["--warmup"], description = ["untimed steps first, for the JIT (default: \${DEFAULT-VALUE})"])
    var warmup: Int = 300

    @CommandLine.Option(names = ["--backend"], description = ["cpu, cuda or auto (default: \${DEFAULT-VALUE})"])
    var backend: String = "cpu"

    @CommandLine.Mixin
    var run = SimRunOptions()

    override fun call(): Int {
        val tasks = SimOptions.suite(spec, run.suite)
        val named = SimOptions.backend(spec, backend)
        SimOptions.atLeast(spec, "--envs", envs, tasks.size)
        SimOptions.atLeast(spec, "--steps", steps, 1)
        SimOptions.atLeast(spec, "--warmup", warmup, 0)
        val cpuThreads = SimOptions.threads(spec, run.threads)
        val chosen = Backends.resolve(named) { line -> spec.commandLine().err.println(line) }
        val out = spec.commandLine().out
        val figures = linkedMapOf<String, Any>()
        if (chosen == "cuda") {
            val result = SimBench.runCuda(tasks, envs, steps, warmup, run.seed)
            val bandwidth = DeviceBandwidth.measureCopy(1L shl 30, 5)
            val bound = bandwidth / DeviceBandwidth.BYTES_PER_ENV_STEP
            figures.putAll(common(result))
            figures["with_host_copies_env_steps_per_s"] = result.withHostCopiesPerSecond()
            figures["device_copy_bytes_per_s"] = bandwidth
            figures["bytes_per_env_step"] = DeviceBandwidth.BYTES_PER_ENV_STEP
            figures["memory_bound_env_steps_per_s"] = bound
            figures["fraction_of_memory_bound"] = result.envStepsPerSecond() / bound
        } else {
            val result = SimBench.run(tasks, envs, steps, warmup, run.seed, cpuThreads)
            figures.putAll(common(result))
            figures["allocated_bytes"] = result.allocatedBytes()
        }
        if (run.json) {
            out.println(Json.write(figures))
        } else {
            figures.forEach { (k, v) -> out.println("%-34s %s".format(k, v)) }
        }
        return 0
    }

    private fun common(result: SimBench.Result): Map<String, Any> = linkedMapOf(
        "backend" to result.backend(), "device" to result.device(), "envs" to result.envs(), "steps" to result.steps(),
        "env_steps_per_s" to result.envStepsPerSecond(), "threads" to result.threads(), "seconds" to result.seconds(),
        "suite" to run.suite,
    )
}
