package org.mtboard.engine.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a score matrix from CSV: a header row of task names, then one row of scores per run.
 * Every error names the file, the line and the column (1-based).
 */
public final class ScoreCsv {
    /** Malformed input; the message says where. */
    public static final class FormatException extends IllegalArgumentException {
        public FormatException(String message) {
            super(message);
        }
    }

    private ScoreCsv() {
    }

    public static ScoreMatrix read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new FormatException(file + ": no such file");
        } catch (IOException e) {
            throw new FormatException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), lines);
    }

    public static ScoreMatrix parse(String name, List<String> lines) {
        int headerLine = firstNonBlank(lines, 0);
        if (headerLine < 0) {
            throw new FormatException(name + ": empty file; expected a header row of task names, then one row per run");
        }
        List<String> tasks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] header = lines.get(headerLine).split(",", -1);
        for (int col = 0; col < header.length; col++) {
            String task = header[col].trim();
            if (task.isEmpty()) {
                throw new FormatException(where(name, headerLine, col) + ": empty task name in the header");
            }
            if (!seen.add(task)) {
                throw new FormatException(where(name, headerLine, col) + ": task '" + task + "' appears twice in the header");
            }
            tasks.add(task);
        }
        List<double[]> rows = new ArrayList<>();
        for (int line = headerLine + 1; line < lines.size(); line++) {
            if (lines.get(line).isBlank()) {
                continue;
            }
            String[] cells = lines.get(line).split(",", -1);
            if (cells.length != tasks.size()) {
                throw new FormatException(name + " line " + (line + 1) + ": " + cells.length + " values, but the header names "
                        + tasks.size() + " tasks");
            }
            double[] row = new double[cells.length];
            for (int col = 0; col < cells.length; col++) {
                row[col] = number(name, line, col, cells[col].trim());
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new FormatException(name + ": no runs after the header; expected one row of scores per run");
        }
        return new ScoreMatrix(rows.toArray(new double[0][]), tasks);
    }

    private static double number(String name, int line, int col, String cell) {
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new FormatException(where(name, line, col) + ": '" + cell + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new FormatException(where(name, line, col) + ": '" + cell
                    + "' is not allowed: scores must be finite (apply a failed-run policy, e.g. 0, first)");
        }
        return value;
    }

    private static String where(String name, int line, int col) {
        return name + " line " + (line + 1) + ", column " + (col + 1);
    }

    private static int firstNonBlank(List<String> lines, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (!lines.get(k).isBlank()) {
                return k;
            }
        }
        return -1;
    }
}
