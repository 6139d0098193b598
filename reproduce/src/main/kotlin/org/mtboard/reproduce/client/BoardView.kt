package org.mtboard.reproduce.client

import com.fasterxml.jackson.databind.JsonNode
import java.util.Locale

/** A leaderboard as an aligned text table. */
object BoardView {
    private class Column(val header: String, val right: Boolean, val cell: (JsonNode) -> String)

    private val columns = listOf(
        Column("rank", true) { it.text("rank") ?: "-" },
        Column("tier", true) { it.text("rank_tier") ?: "-" },
        Column("id", true) { e -> e.text("id")?.let { "#$it" } ?: "-" },
        Column("method", false) { it.text("method") ?: "-" },
        Column("algorithm", false) { it.text("algorithm") ?: "-" },
        Column("mean [lo, hi]", false) { interval(it.get("mean")) },
        Column("IQM [lo, hi]", false) { interval(it.get("iqm")) },
        Column("opt. gap", true) { e -> e.get("optimality_gap")?.get("point")?.takeIf { it.isNumber }?.let { percent(it.asDouble()) + "%" } ?: "-" },
        Column("seeds", true) { "${it.text("seeds_done") ?: "-"}/${it.text("seeds_total") ?: "-"}" },
        Column("frames", true) { e -> e.get("frames")?.takeIf { it.isNumber }?.let { Format.count(it.asLong()) } ?: "-" },
        Column("wall", true) { e -> e.get("wall_s")?.takeIf { it.isNumber }?.let { Format.duration(Math.round(it.asDouble())) } ?: "-" },
        Column("submitted", false) { e -> e.text("submitted_at")?.substringBefore('T') ?: "-" },
    )

    fun render(board: JsonNode): List<String> {
        val entries = board.path("entries").filter { it.isObject }
        val rows = listOf(columns.map { it.header }) + entries.map { e -> columns.map { it.cell(e) } }
        val widths = columns.indices.map { c -> rows.maxOf { it[c].length } }
        val header = "${board.text("benchmark") ?: "-"}/${board.text("tier") ?: "-"}" +
            (board.text("protocol_version")?.let { ", protocol $it" } ?: "") +
            (board.text("computed_at")?.let { ", computed $it" } ?: "")
        return listOf(header, "") + rows.map { row ->
            row.indices.joinToString("  ") { c ->
                if (columns[c].right) row[c].padStart(widths[c]) else row[c].padEnd(widths[c])
            }.trimEnd()
        }
    }

    /** 61.2% [58.0, 64.3] from {"point", "lo", "hi"} fractions. */
    private fun interval(node: JsonNode?): String {
        val point = node?.get("point")?.takeIf { it.isNumber } ?: return "-"
        val lo = node.get("lo")?.takeIf { it.isNumber }
        val hi = node.get("hi")?.takeIf { it.isNumber }
        return percent(point.asDouble()) + "%" +
            if (lo != null && hi != null) " [${percent(lo.asDouble())}, ${percent(hi.asDouble())}]" else ""
    }

    private fun percent(fraction: Double): String = "%.1f".format(Locale.ROOT, fraction * 100)

    private fun JsonNode.text(field: String): String? = get(field)?.takeIf { !it.isNull && !it.isMissingNode }?.asText()
}
