package org.mtboard.reproduce.client

import java.util.Locale

/** Number and duration formats shared by the service commands. */
object Format {
    /** 45s, 11m02s, 1h12m. */
    fun duration(seconds: Long): String {
        val s = seconds.coerceAtLeast(0)
        return when {
            s < 60 -> "${s}s"
            s < 3600 -> "%dm%02ds".format(Locale.ROOT, s / 60, s % 60)
            else -> "%dh%02dm".format(Locale.ROOT, s / 3600, (s % 3600) / 60)
        }
    }

    /** 950, 12.5K, 15.0M, 1.2B. */
    fun count(n: Long): String = when {
        n < 1_000 -> n.toString()
        n < 1_000_000 -> "%.1fK".format(Locale.ROOT, n / 1e3)
        n < 1_000_000_000 -> "%.1fM".format(Locale.ROOT, n / 1e6)
        else -> "%.1fB".format(Locale.ROOT, n / 1e9)
    }
}
