package org.mtboard.reproduce.repro

import java.io.PrintWriter
import java.util.Locale
import org.mtboard.engine.run.RunManifest

/** Per-task scores of an original run beside its re-run, marking the tasks that moved. */
object ScoreTable {
    fun print(out: PrintWriter, title: String, original: RunManifest, rerun: RunManifest) {
        out.println("  $title, per task:")
        out.println(String.format(Locale.ROOT, "    %-28s %10s %10s %10s %10s", "task", "success", "re-run", "return", "re-run"))
        for ((task, o) in original.perTask()) {
            val r = rerun.perTask()[task]
            val moved = r == null || r != o
            out.println(String.format(Locale.ROOT, "    %-28s %10.4f %10s %10.2f %10s%s", task, o.successRate(),
                r?.let { String.format(Locale.ROOT, "%.4f", it.successRate()) } ?: "-", o.meanReturn(),
                r?.let { String.format(Locale.ROOT, "%.2f", it.meanReturn()) } ?: "-", if (moved) "  <-" else ""))
        }
        out.println(String.format(Locale.ROOT, "    %-28s %10.4f %10.4f", "mean", original.meanSuccessRate(), rerun.meanSuccessRate()))
    }
}
