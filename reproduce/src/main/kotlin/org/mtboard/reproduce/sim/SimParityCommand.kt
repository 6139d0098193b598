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

    @CommandLine.Option(names = ["--suite"], description = ["mt10, or task ids separated by commas (default: \${DEFAULT-VALUE})"])
    var suite: String = "mt10"

    @CommandLine.Option(names = ["--envs"], description = ["number of envs (default: \${DEFAULT-VALUE})"])
    var envs: Int = 1000

    @CommandLine.Option(names = ["--steps"], description = ["control steps (default: \${DEFAULT-VALUE})"])
    var steps: Int = 300

    @CommandLine.Option(names = ["--seed"], description = ["run seed (default: \${DEFAULT-VALUE})"])
    var seed: Int = 1

    @CommandLine.Option(
        names = ["--policy"],
        description = ["random (uniform actions), or mixed (even envs of each task follow its scripted expert) (default: \${DEFAULT-VALUE})"],
    )
    var policy: String = "random"

    @CommandLine.Option(names = ["--threads"], description = ["CPU simulation threads (default: all cores)"])
    var threads: Int? = null

    @CommandLine.Option(names = ["--json"], description = ["print JSON instead of text"])
    var json: Boolean = false

    override fun call(): Int {
        val tasks = SimOptions.suite(spec, suite)
        val mixed = SimOptions.oneOf(spec, "--policy", policy, listOf("random", "mixed")) == "mixed"
        SimOptions.atLeast(spec, "--envs", envs, tasks.size)
        SimOptions.atLeast(spec, "--steps", steps, 1)
        val set = TaskSet.evenSplit(tasks, envs)
        val report = CudaVecEnv(set, seed).use { cuda ->
            CpuVecEnv(set, seed, SimOptions.threads(spec, threads)).use { cpu ->
                SimParity.run(cpu, cuda, seed, steps, mixed)
            }
        }
        val mismatch = report.mismatch().orElse(null)
        val out = spec.commandLine().out
        if (json) {
            out.println(Json.write(linkedMapOf(
                "suite" to suite, "envs" to envs, "steps" to steps, "seed" to seed, "policy" to policy.lowercase(),
                "identical" to (mismatch == null), "values_compared" to report.valuesCompared(),
                "mismatch" to mismatch?.describe("cpu", "cuda"),
            )))
        } else if (mismatch == null) {
            out.println("parity OK: $envs envs x $steps steps ($suite, ${policy.lowercase()} actions, seed $seed): " +
                "${report.valuesCompared()} values bit-identical on cpu and cuda")
        } else {
            spec.commandLine().err.println("mtboard: parity FAILED: ${mismatch.describe("cpu", "cuda")}")
        }
        return if (mismatch == null) 0 else 1
    }
}
