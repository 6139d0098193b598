package org.mtboard.reproduce

import java.nio.file.Files
import java.nio.file.Path
import org.mtboard.engine.recipe.BenchmarkDefinition
import org.mtboard.engine.recipe.ConfigException
import org.mtboard.engine.recipe.RecipeFiles
import org.mtboard.engine.recipe.Submission
import org.mtboard.engine.recipe.Tier
import picocli.CommandLine

/** Reading submission and benchmark files for a command: every problem is a usage error naming the field. */
object RecipeOptions {
    private fun <T> read(spec: CommandLine.Model.CommandSpec, what: String, work: () -> T): T =
        try {
            work()
        } catch (e: ConfigException) {
            throw CommandLine.ParameterException(spec.commandLine(), "$what: ${e.message}")
        }

    fun submission(spec: CommandLine.Model.CommandSpec, file: Path): Submission =
        read(spec, "SUBMISSION ($file)") { RecipeFiles.readSubmission(file) }

    /** A benchmark by name (submissions/benchmarks/NAME.yaml) or by YAML path. */
    fun benchmark(spec: CommandLine.Model.CommandSpec, nameOrFile: String): BenchmarkDefinition {
        val file = if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml")) Path.of(nameOrFile)
        else Path.of("submissions", "benchmarks", "$nameOrFile.yaml")
        if (!Files.exists(file)) {
            throw CommandLine.ParameterException(spec.commandLine(), "--benchmark: no benchmark '$nameOrFile' ($file not found)")
        }
        return read(spec, "--benchmark ($file)") { RecipeFiles.readBenchmark(file) }
    }

    fun tier(spec: CommandLine.Model.CommandSpec, benchmark: BenchmarkDefinition, name: String): Tier {
        if (name !in BenchmarkDefinition.TIER_NAMES) {
            throw CommandLine.ParameterException(spec.commandLine(),
                "--tier must be one of ${BenchmarkDefinition.TIER_NAMES.joinToString(", ")}; got '$name'")
        }
        return read(spec, "--tier") { benchmark.tier(name) }
    }
}
