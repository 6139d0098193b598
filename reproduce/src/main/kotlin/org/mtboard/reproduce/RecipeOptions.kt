package org.mtboard.reproduce

import java.nio.file.Path
import org.mtboard.engine.recipe.BenchmarkCatalog
import org.mtboard.engine.recipe.BenchmarkDefinition
import org.mtboard.engine.recipe.ConfigException
import org.mtboard.engine.recipe.RecipeFiles
import org.mtboard.engine.recipe.Submission
import org.mtboard.engine.recipe.Tier
import picocli.CommandLine

/**
 * What a command runs: the submission file, the benchmark and its tier, read with every problem
 * reported as a usage error naming the field (all of a file's problems, one per line).
 */
class RecipeOptions {
    @CommandLine.Parameters(index = "0", paramLabel = "SUBMISSION", description = ["submission YAML file"])
    lateinit var submission: Path

    @CommandLine.Option(names = ["--benchmark"], description = ["benchmark name (submissions/benchmarks/NAME.yaml) or YAML file (default: \${DEFAULT-VALUE})"])
    var benchmark: String = "mt10-rand"

    @CommandLine.Option(names = ["--tier"], description = ["smoke, standard or official (default: \${DEFAULT-VALUE})"])
    var tier: String = "smoke"

    /** The three, read and checked. */
    data class Resolved(val submission: Submission, val benchmark: BenchmarkDefinition, val tier: Tier)

    fun resolve(spec: CommandLine.Model.CommandSpec): Resolved {
        val bench = benchmark(spec, benchmark)
        return Resolved(submission(spec, submission), bench, tier(spec, bench, tier))
    }

    private fun <T> read(spec: CommandLine.Model.CommandSpec, what: String, work: () -> T): T =
        try {
            work()
        } catch (e: ConfigException) {
            throw CommandLine.ParameterException(spec.commandLine(), problems(what, e))
        }

    fun submission(spec: CommandLine.Model.CommandSpec, file: Path): Submission =
        read(spec, "SUBMISSION ($file)") { RecipeFiles.readSubmission(file) }

    /** A benchmark by name (submissions/benchmarks/NAME.yaml) or by YAML path. */
    fun benchmark(spec: CommandLine.Model.CommandSpec, nameOrFile: String): BenchmarkDefinition {
        val catalog = BenchmarkCatalog(Path.of("submissions", "benchmarks"))
        val file = try {
            catalog.locate(nameOrFile)
        } catch (e: ConfigException) {
            throw CommandLine.ParameterException(spec.commandLine(), "--benchmark: ${e.message!!.removePrefix("benchmark: ")}")
        }
        return read(spec, "--benchmark ($file)") { RecipeFiles.readBenchmark(file) }
    }

    companion object {
        /** One problem as one line, as always; several as their count, then one line per problem. */
        fun problems(what: String, e: ConfigException): String {
            val all = e.problems()
            return if (all.size == 1) "$what: ${e.message}"
            else "$what: ${all.size} problems\n" + all.joinToString("\n") { "  " + it.text() }
        }
    }

    fun tier(spec: CommandLine.Model.CommandSpec, benchmark: BenchmarkDefinition, name: String): Tier {
        if (name !in BenchmarkDefinition.TIER_NAMES) {
            throw CommandLine.ParameterException(spec.commandLine(),
                "--tier must be one of ${BenchmarkDefinition.TIER_NAMES.joinToString(", ")}; got '$name'")
        }
        return read(spec, "--tier") { benchmark.tier(name) }
    }
}
