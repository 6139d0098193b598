package org.mtboard.platform.board;

import java.util.Locale;

/** One CSV cell as every export writes it: doubles to 6 significant digits, text quoted when it must be. */
final class CsvCell {
    private CsvCell() {
    }

    static String of(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
