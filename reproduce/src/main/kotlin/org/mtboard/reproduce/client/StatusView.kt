package org.mtboard.reproduce.client

import com.fasterxml.jackson.databind.JsonNode
import java.io.PrintWriter
import java.util.Locale
import kotlin.math.floor
import kotlin.math.roundToInt

/**
 * A submission's state as text (a header, one progress bar per seed with its error beneath, the
 * last audit events), and the `--follow` loop shared by `status` and `submit`.
 */
object StatusView {
    const val BAR_CELLS = 20
    const val AUDIT_LINES = 5
    val TERMINAL = setOf("finished", "failed", "cancelled", "imported")

    /** GET /api/submissions/ID; 404 is "no submission #ID" (exit 2). */
    fun fetch(client: ServiceClient, id: Long): ServiceClient.Response {
        val response = client.get("/api/submissions/$id")
        if (response.status == 404) throw ServiceException(2, listOf("no submission #$id"))
        return client.ok(response)
    }

    fun render(s: JsonNode): List<String> {
        val lines = mutableListOf<String>()
        val status = s.text("status") ?: "unknown"
        val queue = s.get("queue_position")?.takeIf { it.isNumber }?.asInt()
        lines += "#${s.path("id").asText()} ${s.text("method") ?: "-"}  ${s.text("benchmark") ?: "-"}/${s.text("tier") ?: "-"}  $status" +
            (if (status == "queued" && queue != null) ", queue position $queue" else "")
        val runs = s.path("runs").filter { it.isObject }
        val totalWidth = runs.maxOfOrNull { it.path("epochs_total").asLong().toString().length } ?: 1
        for (run in runs) {
            lines += seedLine(run, totalWidth)
            run.text("error")?.let { error -> error.lines().forEach { lines += "    error: $it" } }
        }
        val audit = s.path("audit").filter { it.isObject }
        if (audit.isNotEmpty()) {
            lines += "recent events:"
            audit.takeLast(AUDIT_LINES).forEach { a ->
                val who = a.get("seed")?.takeIf { it.isNumber }?.let { "seed ${it.asText()}" } ?: "submission"
                val from = a.text("from")
                val reason = a.text("reason")?.let { "  $it" } ?: ""
                lines += "  ${a.text("at") ?: "-"}  $who: ${if (from != null) "$from -> " else ""}${a.text("to") ?: "-"}$reason"
            }
        }
        return lines
    }

    /** Fraction done: frames over the budget, else epochs over the total; 1 once finished. */
    private fun fraction(run: JsonNode): Double {
        if (run.text("status") in setOf("finished", "imported")) return 1.0
        val frames = run.path("frames").asDouble()
        val framesTotal = run.path("frames_total").asDouble()
        val epochs = run.path("epoch").asDouble()
        val epochsTotal = run.path("epochs_total").asDouble()
        val f = when {
            framesTotal > 0 -> frames / framesTotal
            epochsTotal > 0 -> epochs / epochsTotal
            else -> 0.0
        }
        return f.coerceIn(0.0, 1.0)
    }

    private fun cells(run: JsonNode): Int = floor(fraction(run) * BAR_CELLS).toInt()

    private fun seedLine(run: JsonNode, totalWidth: Int): String {
        val f = fraction(run)
        val filled = cells(run)
        val percent = (f * 100).roundToInt().let { if (f < 1.0) it.coerceAtMost(99) else it }
        val sr = run.get("success_rate")?.takeIf { it.isNumber }?.let { "%.3f".format(Locale.ROOT, it.asDouble()) } ?: "  -  "
        val eta = run.get("eta_s")?.takeIf { it.isNumber }?.let { Format.duration(it.asDouble().roundToInt().toLong()) } ?: "-"
        val status = run.text("status") ?: "unknown"
        val details = listOfNotNull(
            reproduction(run),
            run.get("attempts")?.takeIf { it.isNumber && it.asInt() > 0 }?.let { "attempt ${it.asInt()}" },
            run.text("worker")?.let { "worker $it" },
        )
        return "seed %s  [%s%s]  %3d%%  epoch %${totalWidth}d/%d  SR %s  ETA %-6s  %s".format(Locale.ROOT,
            run.path("seed").asText(), "#".repeat(filled), "-".repeat(BAR_CELLS - filled), percent,
            run.path("epoch").asLong(), run.path("epochs_total").asLong(), sr, eta,
            status + if (details.isEmpty()) "" else " (${details.joinToString(", ")})")
    }

    /** For a re-execution of an imported seed (purpose reproduction): what it re-runs, and once done, whether it matched. */
    private fun reproduction(run: JsonNode): String? {
        if (run.text("purpose") != "reproduction") return null
        return when (run.path("reproduces").get("same_checksum")?.takeIf { it.isBoolean }?.asBoolean()) {
            true -> "re-run of the imported seed: same checksum"
            false -> "re-run of the imported seed: different checksum"
            null -> "re-run of the imported seed"
        }
    }

    /**
     * What must differ for a non-terminal `--follow` to print a new block: a status, the queue
     * position, a run's attempt, worker or error, an audit event, or a bar gaining a cell.
     */
    private fun changeKey(s: JsonNode): String = buildString {
        append(s.text("status")).append('|').append(s.get("queue_position")).append('|').append(s.path("audit").size())
        s.path("runs").forEach { r ->
            append('|').append(r.path("seed")).append(r.text("status")).append(r.get("attempts")).append(r.text("worker"))
                .append(r.text("error")).append(cells(r))
        }
    }

    /**
     * Polls until the submission is finished, failed, cancelled (or imported). On a terminal the
     * block is redrawn in place every poll; otherwise a new block is printed when something changed.
     * With [json], prints only the final JSON. Exit 0 for finished/imported, 1 for failed/cancelled.
     */
    fun follow(client: ServiceClient, id: Long, env: ClientEnv, out: PrintWriter, err: PrintWriter, json: Boolean): Int {
        var drawn = 0
        var lastKey: String? = null
        while (true) {
            val response = fetch(client, id)
            val node = response.json()
            val status = node.text("status")
            val terminal = status in TERMINAL
            if (json) {
                if (terminal) out.println(response.body.trimEnd())
            } else {
                val block = render(node)
                if (env.tty) {
                    if (drawn > 0) out.print("\u001b[${drawn}A\r\u001b[J")
                    block.forEach(out::println)
                    drawn = block.size
                } else {
                    val key = changeKey(node)
                    if (key != lastKey || terminal) {
                        if (lastKey != null) out.println()
                        block.forEach(out::println)
                    }
                    lastKey = key
                }
            }
            out.flush()
            if (terminal) {
                return when (status) {
                    "failed", "cancelled" -> {
                        err.println("mtboard: failed: submission #$id ${if (status == "failed") "failed" else "was cancelled"}")
                        1
                    }
                    else -> 0
                }
            }
            env.sleep(env.pollMillis)
        }
    }

    private fun JsonNode.text(field: String): String? = get(field)?.takeIf { !it.isNull && !it.isMissingNode }?.asText()
}
