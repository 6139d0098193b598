package org.mtboard.engine.repro;

import java.util.Arrays;
import java.util.Comparator;

/** Holm's step-down adjustment: controls the chance of any false alarm among k tests at alpha. */
public final class Holm {
    private Holm() {
    }

    /** Adjusted p-values, in the input's order: the i-th smallest times (k - i), made monotone, capped at 1. */
    public static double[] adjust(double[] p) {
        int k = p.length;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[k];
        double running = 0;
        for (int rank = 0; rank < k; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (k - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
