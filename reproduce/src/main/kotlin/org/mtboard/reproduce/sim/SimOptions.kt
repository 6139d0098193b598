package org.mtboard.reproduce.sim

import org.mtboard.engine.sim.Backends
import org.mtboard.engine.sim.Suites
import org.mtboard.engine.sim.TaskSet
import org.mtboard.engine.sim.VecEnv
import org.mtboard.engine.sim.TaskId
import picocli.CommandLine

/** Argument checks shared by the sim commands; each failure names the argument and what is allowed. */
internal object SimOptions {
    fun suite(spec: CommandLine.Model.CommandSpec, value: String): List<TaskId> =
        try {
            Suites.resolve(value)
        } catch (e: IllegalArgumentException) {
            throw CommandLine.ParameterException(spec.commandLine(), "--suite: ${e.message}")
        }

    fun atLeast(spec: CommandLine.Model.CommandSpec, name: String, value: Int, min: Int) {
        if (value < min) {
            throw CommandLine.ParameterException(spec.commandLine(), "$name must be at least $min, got $value")
        }
    }

    fun threads(spec: CommandLine.Model.CommandSpec, value: Int?): Int {
        val threads = value ?: Runtime.getRuntime().availableProcessors()
        atLeast(spec, "--threads", threads, 1)
        return threads
    }

    /** A validated --backend value: cpu, cuda or auto. */
    fun backend(spec: CommandLine.Model.CommandSpec, value: String): String =
        oneOf(spec, "--backend", value, Backends.NAMES)

    /** The vector env for a validated backend; auto's fallback line goes to stderr. */
    fun envFactory(spec: CommandLine.Model.CommandSpec, backend: String, seed: Int, threads: Int): (TaskSet) -> VecEnv =
        { set -> Backends.create(backend, set, seed, threads) { line -> spec.commandLine().err.println(line) } }

    fun oneOf(spec: CommandLine.Model.CommandSpec, name: String, value: String, allowed: List<String>): String {
        val normalized = value.trim().lowercase()
        if (normalized !in allowed) {
            throw CommandLine.ParameterException(
                spec.commandLine(),
                "$name must be one of ${allowed.joinToString(", ")}; got '$value'",
            )
        }
        return normalized
    }
}
