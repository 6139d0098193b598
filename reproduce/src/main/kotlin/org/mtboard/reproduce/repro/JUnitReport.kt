package org.mtboard.reproduce.repro

import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import org.mtboard.engine.repro.ReproductionVerdict
import org.mtboard.engine.run.RunManifest

/**
 * The verdict as JUnit XML, so any CI lists it per seed and per task: in bit-exact mode one case
 * per seed (its checksum) and one per task (its scores on the seeds that should match); in
 * statistical mode one case per deciding test and one per task (failing where the verdict names it).
 */
object JUnitReport {
    fun write(file: Path, suite: String, verdict: ReproductionVerdict, originals: List<RunManifest>, reruns: List<RunManifest>, seconds: Double) {
        val cases = mutableListOf<String>()
        val cls = "mtboard.reproduce"
        if (verdict.mode() == "bit-exact") {
            for (s in verdict.seeds()) {
                val failure = if (s.identical()) null else "checksum ${s.rerunChecksum()} differs from the original ${s.originalChecksum()}"
                cases += case(cls, "seed ${s.seed()}: checksum", failure)
            }
            val bySeed = originals.associateBy { it.seed() }
            for (task in originals[0].perTask().keys) {
                val moved = reruns.mapNotNull { r ->
                    val o = bySeed[r.seed()]?.perTask()?.get(task) ?: return@mapNotNull null
                    val n = r.perTask()[task] ?: return@mapNotNull null
                    if (o == n) null else String.format(Locale.ROOT, "seed %d: success %.4f -> %.4f, return %.2f -> %.2f",
                        r.seed(), o.successRate(), n.successRate(), o.meanReturn(), n.meanReturn())
                }
                cases += case(cls, "task $task", moved.takeIf { it.isNotEmpty() }?.joinToString("; "))
            }
        } else {
            val st = verdict.statistics()
            for (t in st.aggregates()) {
                cases += case(cls, "mean ${t.metric()} over tasks", if (t.rejects()) String.format(Locale.ROOT,
                    "%.4f -> %.4f (p = %.3g, at most %.3g allowed)", t.originalMean(), t.rerunMean(), t.p(), st.alpha() / st.aggregates().size) else null)
            }
            for (t in st.tasks().filter { it.metric() == "success_rate" }) {
                val named = !verdict.outcome().reproduced() && t.task() in st.named()
                cases += case(cls, "task ${t.task()}", if (named) String.format(Locale.ROOT,
                    "success %.4f -> %.4f (%+.4f, Holm p = %.3g)", t.originalMean(), t.rerunMean(), t.difference(), t.adjustedP()) else null)
            }
        }
        val failures = cases.count { it.contains("<failure") }
        val xml = buildString {
            append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            append("<testsuites name=\"mtboard reproduce\" tests=\"${cases.size}\" failures=\"$failures\">\n")
            append("  <testsuite name=\"${esc(suite)}\" tests=\"${cases.size}\" failures=\"$failures\" errors=\"0\" time=\"")
            append(String.format(Locale.ROOT, "%.1f", seconds)).append("\">\n")
            append("    <properties>\n")
            append("      <property name=\"outcome\" value=\"${esc(verdict.outcome().label)}\"/>\n")
            append("      <property name=\"mode\" value=\"${esc(verdict.mode())}\"/>\n")
            append("      <property name=\"reason\" value=\"${esc(verdict.reason())}\"/>\n")
            append("    </properties>\n")
            cases.forEach { append(it) }
            append("    <system-out>${esc(verdict.summary())}</system-out>\n")
            append("  </testsuite>\n</testsuites>\n")
        }
        file.toAbsolutePath().parent?.let { Files.createDirectories(it) }
        Files.writeString(file, xml)
    }

    private fun case(cls: String, name: String, failure: String?): String =
        if (failure == null) "    <testcase classname=\"$cls\" name=\"${esc(name)}\"/>\n"
        else "    <testcase classname=\"$cls\" name=\"${esc(name)}\">\n      <failure message=\"${esc(failure)}\"/>\n    </testcase>\n"

    private fun esc(s: String): String = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
}
