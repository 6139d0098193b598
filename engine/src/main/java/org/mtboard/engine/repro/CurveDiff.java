package org.mtboard.engine.repro;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The first epoch at which two curve.csv files of the same run part ways. Timing columns differ
 * between any two runs and are skipped; everything else (losses, success rates, returns, the
 * parameters' digest) must agree cell for cell in a bit-identical replay.
 */
public final class CurveDiff {
    private static final Set<String> TIMING = Set.of("wall_s", "fps", "sim_s", "inference_s", "update_s", "copy_s");

    /** One differing cell. */
    public record Cell(String column, String expected, String actual) {
    }

    /** @param epoch the first epoch whose row differs; cells its differing (non-timing) cells */
    public record Difference(int epoch, List<Cell> cells) {
    }

    private CurveDiff() {
    }

    /**
     * Compares the first {@code epochs} rows (all of the shorter, when 0).
     *
     * @return null when they agree
     */
    public static Difference firstDifference(String expectedCsv, String actualCsv, int epochs) {
        String[] expected = expectedCsv.strip().split("\n");
        String[] actual = actualCsv.strip().split("\n");
        List<String> header = Arrays.asList(expected[0].split(",", -1));
        List<String> actualHeader = Arrays.asList(actual[0].split(",", -1));
        int rows = Math.min(expected.length, actual.length) - 1;
        if (epochs > 0) {
            rows = Math.min(rows, epochs);
        }
        for (int i = 1; i <= rows; i++) {
            String[] e = expected[i].split(",", -1);
            String[] a = actual[i].split(",", -1);
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                int ac = actualHeader.indexOf(column);
                if (TIMING.contains(column) || ac < 0 || c >= e.length || ac >= a.length) {
                    continue;
                }
                // a digest missing on one side (a curve written before it was recorded) is no difference
                if (column.equals("params_sha") && (e[c].isEmpty() || a[ac].isEmpty())) {
                    continue;
                }
                if (!e[c].equals(a[ac])) {
                    cells.add(new Cell(column, e[c], a[ac]));
                }
            }
            if (!cells.isEmpty()) {
                return new Difference(Integer.parseInt(e[0]), List.copyOf(cells));
            }
        }
        return null;
    }

    /** Rows (epochs) in a curve.csv. */
    public static int epochs(String csv) {
        return csv.strip().split("\n").length - 1;
    }
}
