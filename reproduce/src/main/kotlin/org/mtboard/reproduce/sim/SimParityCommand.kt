package org.mtboard.reproduce.sim

import java.util.concurrent.Callable
import org.mtboard.engine.sim.CpuVecEnv
import org.mtboard.engine.sim.SimParity
import org.mtboard.engine.sim.TaskSet
import org.mtboard.engine.sim.cuda.CudaVecEnv
import org.mtboard.reproduce.Json
import picocli.CommandLine

@CommandLine.Command(
    name = "parity",
    mixinStandardHelpOptions = true,
    description = [
        "Steps the CPU and CUDA backends side by side with the same seed and actions and checks every",
        "observation, reward and flag is bit-identical; exits 1 at the first mismatch, printing where.",
    ],
)
class SimParityCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Option(names = ["--envs"], description = ["number of envs (default: \${DEFAULT-VALUE})"])
    var envs: Int = 1000

    @CommandLine.Option(names = ["--steps"], description = ["control steps (default: \${DEFAULT-VALUE})"])
    var steps: Int = 300

    @CommandLine.Option(
        names = ["--policy"],
        description = ["random (uniform actions), or mixed (even envs of each task follow its scripted expert) (default: \${DEFAULT-VALUE})"],
    )
    var policy: String = "random"

    @CommandLine.Mixin
    var run = SimRunOptions()

    override fun call(): Int {
        val tasks = SimOptions.suite(spec, run.suite)
        val mixed = SimOptions.oneOf(spec, "--policy", policy, listOf("random", "mixed")) == "mixed"
        SimOptions.atLeast(spec, "--envs", envs, tasks.size)
        SimOptions.atLeast(spec, "--steps", steps, 1)
        val set = TaskSet.evenSplit(tasks, envs)
        val report = CudaVecEnv(set, run.seed).use { cuda ->
            CpuVecEnv(set, run.seed, SimOptions.threads(spec, run.threads)).use { cpu ->
                SimParity.run(cpu, cuda, run.seed, steps, mixed)
            }
        }
        val mismatch = report.mismatch().orElse(null)
        val out = spec.commandLine().out
        if (run.json) {
            out.println(Json.write(linkedMapOf(
                "suite" to run.suite, "envs" to envs, "steps" to steps, "seed" to run.seed, "policy" to policy.lowercase(),
                "identical" to (mismatch == null), "values_compared" to report.valuesCompared(),
                "mismatch" to mismatch?.describe("cpu", "cuda"),
            )))
        } else if (mismatch == null) {
            out.println("parity OK: $envs envs x $steps steps (${run.suite}, ${policy.lowercase()} actions, seed ${run.seed}): " +
                "${report.valuesCompared()} values bit-identical on cpu and cuda")
        } else {
            spec.commandLine().err.println("mtboard: parity FAILED: ${mismatch.describe("cpu", "cuda")}")
        }
        return if (mismatch == null) 0 else 1
    }
}
