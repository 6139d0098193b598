package org.mtboard.reproduce

import java.util.concurrent.Callable
import org.mtboard.engine.run.MachineReport
import picocli.CommandLine

@CommandLine.Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = [
        "What this machine offers a run and what a run would use: the CPU and its numerics pins, the CUDA driver and devices,",
        "the PTX target of the simulator kernels, DJL's engine, the libtorch it loaded and from where (and DJL's overrides).",
    ],
)
class DoctorCommand : Callable<Int> {
    @CommandLine.Spec
    lateinit var spec: CommandLine.Model.CommandSpec

    @CommandLine.Option(names = ["--json"], description = ["print the report as JSON"])
    var json: Boolean = false

    override fun call(): Int {
        val report = MachineReport.collect()
        val out = spec.commandLine().out
        if (json) {
            out.println(Json.write(report))
            return 0
        }
        for ((section, value) in report) {
            out.println(section)
            @Suppress("UNCHECKED_CAST")
            (value as Map<String, Any?>).forEach { (key, v) -> out.println("  %-20s %s".format(key, render(v))) }
        }
        return 0
    }

    private fun render(v: Any?): String = when (v) {
        null -> "(not set)"
        is Map<*, *> -> if (v.isEmpty()) "-" else v.entries.joinToString(", ") { "${it.key}=${it.value ?: "(not set)"}" }
        is List<*> -> if (v.isEmpty()) "-" else v.joinToString("; ")
        else -> v.toString()
    }
}
