package org.mtboard.reproduce.repro

import com.fasterxml.jackson.databind.DeserializationFeature
import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import org.mtboard.engine.recipe.BenchmarkDefinition
import org.mtboard.engine.recipe.ConfigException
import org.mtboard.engine.recipe.RecipeFiles
import org.mtboard.engine.recipe.Submission
import org.mtboard.engine.recipe.Tier
import org.mtboard.engine.run.RunManifest
import org.mtboard.reproduce.RecipeOptions
import org.mtboard.reproduce.client.ClientEnv
import org.mtboard.reproduce.client.ServiceClient
import picocli.CommandLine

/**
 * The runs a check compares against, with the exact config and benchmark they ran: a committed
 * result set (DIR/seed-N/result.json, or one run's DIR/result.json), or an entry of the service.
 *
 * @param curves each seed's curve.csv where there is one (local results)
 * @param warnings what the user should know (e.g. a config whose hash differs from the manifests')
 */
class OriginalRuns(
    val label: String,
    val submission: Submission,
    val benchmark: BenchmarkDefinition,
    val tier: Tier,
    val runs: List<RunManifest>,
    val curves: Map<Int, String>,
    val warnings: List<String>,
) {
    fun bySeed(): Map<Int, RunManifest> = runs.associateBy { it.seed() }

    companion object {
        private val recordMapper = ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)

        private fun usage(spec: CommandLine.Model.CommandSpec, message: String): Nothing =
            throw CommandLine.ParameterException(spec.commandLine(), message)

        /** DIR holding result.json (one run) or seed-N/result.json (a set). */
        fun fromResult(spec: CommandLine.Model.CommandSpec, dir: Path, config: Path?, benchmark: String?, option: String = "--result"): OriginalRuns {
            if (!Files.isDirectory(dir)) usage(spec, "$option: $dir is not a directory")
            val runDirs = if (Files.isRegularFile(dir.resolve("result.json"))) listOf(dir)
            else Files.list(dir).use { s -> s.filter { Files.isRegularFile(it.resolve("result.json")) }.sorted().toList() }
            if (runDirs.isEmpty()) usage(spec, "$option: $dir has no result.json, nor seed-N/result.json (write one with `mtboard train --out`)")
            val runs = runDirs.map { d ->
                try {
                    RunManifest.fromJson(Files.readString(d.resolve("result.json")))
                } catch (e: IllegalArgumentException) {
                    usage(spec, "$option: ${d.resolve("result.json")}: ${e.message}")
                }
            }
            val curves = runDirs.zip(runs).filter { (d, _) -> Files.isRegularFile(d.resolve("curve.csv")) }
                .associate { (d, m) -> m.seed() to Files.readString(d.resolve("curve.csv")) }
            val first = runs[0]
            runs.find { it.configHash() != first.configHash() || it.tier() != first.tier() || it.benchmark() != first.benchmark() }?.let {
                usage(spec, "$option: seed ${it.seed()} ran another config, benchmark or tier than seed ${first.seed()}")
            }
            val configFile = config ?: conventionalConfig(dir) ?: usage(spec,
                "--config is required: no config beside $dir (a set under submissions/results/B/T/NAME uses submissions/baselines/NAME.yaml)")
            val submission = try {
                RecipeFiles.readSubmission(configFile)
            } catch (e: ConfigException) {
                usage(spec, RecipeOptions.problems("--config ($configFile)", e))
            }
            val set = if (runDirs.size == 1 && runDirs[0] == dir) dir.toAbsolutePath().normalize().parent?.fileName?.toString() ?: "" else ""
            val label = "${first.submission()} (${dir.toAbsolutePath().normalize().fileName}${if (set.isNotEmpty()) " of $set" else ""})"
            return resolve(spec, label, submission, first, runs, curves, benchmark, "config $configFile")
        }

        /** An entry of the service: its config text and its seeds' manifests. */
        fun fromEntry(spec: CommandLine.Model.CommandSpec, client: ServiceClient, id: Long, benchmark: String?): OriginalRuns {
            val entry = client.ok(client.get("/api/entries/$id")).json()
            val configText = entry.path("config").asText(null) ?: usage(spec, "--entry: entry #$id carries no config")
            val submission = try {
                RecipeFiles.parseSubmission(configText, "entry #$id")
            } catch (e: ConfigException) {
                usage(spec, RecipeOptions.problems("--entry #$id's config", e))
            }
            val runs = entry.path("seeds").map { manifestOf(it.path("manifest")) }
            if (runs.isEmpty()) usage(spec, "--entry: entry #$id has no finished seeds to compare against")
            return resolve(spec, "${entry.path("method").asText()} (entry #$id on ${client.server})", submission, runs[0], runs, emptyMap(),
                benchmark ?: runs[0].benchmark(), "entry #$id's config")
        }

        private fun resolve(spec: CommandLine.Model.CommandSpec, label: String, submission: Submission, first: RunManifest,
                            runs: List<RunManifest>, curves: Map<Int, String>, benchmark: String?, configName: String): OriginalRuns {
            val options = RecipeOptions()
            val bench = options.benchmark(spec, benchmark ?: first.benchmark())
            if (bench.protocolVersion() != first.protocolVersion()) {
                usage(spec, "--benchmark: ${bench.name()} is protocol ${bench.protocolVersion()}, the runs used protocol ${first.protocolVersion()}")
            }
            val tier = options.tier(spec, bench, first.tier())
            val warnings = mutableListOf<String>()
            val hash = RunManifest.configHash(submission)
            if (hash != first.configHash()) {
                warnings += "the $configName hashes to ${hash.take(12)}, the runs' manifests name ${first.configHash().take(12)}: " +
                    "re-running this config, which is not the one the runs were trained with"
            }
            return OriginalRuns(label, submission, bench, tier, runs, curves, warnings)
        }

        /** submissions/results/BENCH/TIER/NAME[/seed-N] → submissions/baselines/NAME.yaml, or DIR/config.yaml. */
        private fun conventionalConfig(dir: Path): Path? {
            val abs = dir.toAbsolutePath().normalize()
            listOf(abs.resolve("config.yaml"), abs.parent?.resolve("config.yaml")).firstOrNull { it != null && Files.isRegularFile(it) }?.let { return it }
            val set = if (Files.isRegularFile(abs.resolve("result.json")) && abs.fileName.toString().startsWith("seed-")) abs.parent else abs
            val results = set?.parent?.parent?.parent ?: return null
            if (results.fileName?.toString() != "results") return null
            return results.parent.resolve("baselines").resolve("${set.fileName}.yaml").takeIf { Files.isRegularFile(it) }
        }

        /** A manifest as the service sends it: its result.json form, or the record's own field names. */
        fun manifestOf(node: JsonNode): RunManifest =
            if (node.has("per_task")) RunManifest.fromJson(node.toString()) else recordMapper.treeToValue(node, RunManifest::class.java)

        /** `12`, `#12`, or a URL of the service naming entry 12 (…/entry.html?id=12, …/api/entries/12). */
        fun parseEntry(spec: CommandLine.Model.CommandSpec, text: String, env: ClientEnv, server: String?): Pair<String, Long> {
            text.removePrefix("#").toLongOrNull()?.takeIf { it > 0 }?.let { return env.server(server) to it }
            val match = Regex("^(https?://[^/]+)(?:/.*?)?(?:[?&]id=|/api/entries/)(\\d+)").find(text)
                ?: usage(spec, "--entry must be an entry number (12) or its URL (http://host:8080/entry.html?id=12); got '$text'")
            return match.groupValues[1] to match.groupValues[2].toLong()
        }
    }
}
