package org.mtboard.engine.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A curve.csv ({@link CurveCsv}) read back: per epoch the frames, wall-clock seconds, mean success
 * rate and per-task success rates (NaN where no episode of that task ended in the epoch).
 */
public record CurveTable(List<String> tasks, long[] frames, double[] wallSeconds, double[] meanSuccess, double[][] taskSuccess) {
    public static CurveTable parse(String csv) {
        String[] lines = csv.strip().split("\n");
        String[] header = lines[0].split(",", -1);
        int frameCol = indexOf(header, "frames");
        int wallCol = indexOf(header, "wall_s");
        int meanCol = indexOf(header, "mean_success_rate");
        List<Integer> taskCols = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (header[c].startsWith("sr_")) {
                taskCols.add(c);
                tasks.add(header[c].substring(3));
            }
        }
        int n = lines.length - 1;
        long[] frames = new long[n];
        double[] wall = new double[n];
        double[] mean = new double[n];
        double[][] task = new double[n][tasks.size()];
        for (int i = 0; i < n; i++) {
            String[] cells = lines[i + 1].split(",", -1);
            frames[i] = Long.parseLong(cells[frameCol]);
            wall[i] = Double.parseDouble(cells[wallCol]);
            mean[i] = number(cells[meanCol]);
            for (int k = 0; k < taskCols.size(); k++) {
                task[i][k] = number(cells[taskCols.get(k)]);
            }
        }
        return new CurveTable(List.copyOf(tasks), frames, wall, mean, task);
    }

    public int epochs() {
        return frames.length;
    }

    private static int indexOf(String[] header, String name) {
        int i = Arrays.asList(header).indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("curve has no column '" + name + "'");
        }
        return i;
    }

    private static double number(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }
}
