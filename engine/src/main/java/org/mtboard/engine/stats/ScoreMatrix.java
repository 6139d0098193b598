package org.mtboard.engine.stats;

import java.util.List;

/**
 * Final scores of N independent runs (seeds, rows) on M tasks (columns), e.g. per-task success
 * rates. The run axis must be seeds, never evaluation episodes (average those inside a run first),
 * or every interval comes out too narrow. Scores must be finite: a failed run needs an explicit
 * policy (e.g. score 0) before it gets here.
 */
public final class ScoreMatrix {
    private final double[][] scores;
    private final List<String> tasks;

    /** Copies scores; rejects empty, ragged or non-finite input with a message saying where. */
    public ScoreMatrix(double[][] scores, List<String> tasks) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("a score matrix needs at least one run");
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a score matrix needs at least one task");
        }
        this.scores = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].length != tasks.size()) {
                throw new IllegalArgumentException("run " + i + " has " + scores[i].length + " scores, expected one per task ("
                        + tasks.size() + ")");
            }
            for (int m = 0; m < tasks.size(); m++) {
                if (!Double.isFinite(scores[i][m])) {
                    throw new IllegalArgumentException("run " + i + ", task '" + tasks.get(m) + "': score " + scores[i][m]
                            + " is not finite; apply a failed-run policy (e.g. score 0) first");
                }
            }
            this.scores[i] = scores[i].clone();
        }
        this.tasks = List.copyOf(tasks);
    }

    public int runs() {
        return scores.length;
    }

    public int taskCount() {
        return tasks.size();
    }

    public List<String> tasks() {
        return tasks;
    }

    public double get(int run, int task) {
        return scores[run][task];
    }

    /** A copy of the rows. */
    public double[][] toArray() {
        double[][] copy = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            copy[i] = scores[i].clone();
        }
        return copy;
    }

    /** The rows themselves, for the statistics in this package; never modified there. */
    double[][] rows() {
        return scores;
    }
}
