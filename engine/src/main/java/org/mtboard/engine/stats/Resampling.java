package org.mtboard.engine.stats;

/**
 * The resampling maps of the stratified bootstrap (STATS.md section 3), given index arrays, so
 * they can be checked without any randomness. Runs are drawn independently within each task
 * (column): a row of X* is not one seed across tasks.
 */
public final class Resampling {
    private Resampling() {
    }

    /** X*[i][m] = X[r[i][m]][m] (runs-only, the default), written into out. */
    public static void stratified(double[][] x, int[][] r, double[][] out) {
        for (int i = 0; i < r.length; i++) {
            for (int m = 0; m < r[i].length; m++) {
                out[i][m] = x[r[i][m]][m];
            }
        }
    }

    /** X*[i][m] = X[r[i][m]][c[m]] (task bootstrap: the task column c[m] is shared by all rows). */
    public static void stratifiedWithTasks(double[][] x, int[][] r, int[] c, double[][] out) {
        for (int i = 0; i < r.length; i++) {
            for (int m = 0; m < r[i].length; m++) {
                out[i][m] = x[r[i][m]][c[m]];
            }
        }
    }

    /** 3-D: X*[i][m][t] = X[r[i][m][t]][m][t], every (run, task, checkpoint) cell drawn on its own. */
    public static void stratifiedCurves(double[][][] x, int[][][] r, double[][][] out) {
        for (int i = 0; i < r.length; i++) {
            for (int m = 0; m < r[i].length; m++) {
                for (int t = 0; t < r[i][m].length; t++) {
                    out[i][m][t] = x[r[i][m][t]][m][t];
                }
            }
        }
    }

    /** Draws r (C order: run-major, then task) and, with task bootstrap, then c, as rliable does. */
    static void draw(BootstrapRandom random, int runs, int[][] r, int[] c) {
        for (int i = 0; i < r.length; i++) {
            for (int m = 0; m < r[i].length; m++) {
                r[i][m] = random.nextInt(runs);
            }
        }
        if (c != null) {
            for (int m = 0; m < c.length; m++) {
                c[m] = random.nextInt(c.length);
            }
        }
    }
}
