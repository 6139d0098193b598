package org.mtboard.engine.stats;

/** Quickselect: order statistics in linear expected time, for trimmed means and interval quantiles. */
final class Selection {
    private Selection() {
    }

    /** Reorders a[lo..hi] so that a[target] holds the value of that rank, smaller ones before it, larger after. */
    static void select(double[] a, int lo, int hi, int target) {
        while (hi > lo) {
            // Median of three as pivot keeps sorted or constant input from going quadratic.
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, lo, mid);
            }
            if (a[hi] < a[lo]) {
                swap(a, lo, hi);
            }
            if (a[hi] < a[mid]) {
                swap(a, mid, hi);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * Type-7 quantile of unsorted values (numpy's default), by selection; reorders the array. Equal
     * to interpolating between order statistics floor(h) and floor(h) + 1 of the sorted values, h = (B-1)q.
     */
    static double quantileInPlace(double[] a, double q) {
        double h = (a.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo < 0) {
            lo = 0;
            h = 0;
        }
        select(a, 0, a.length - 1, lo);
        double low = a[lo];
        if (lo >= a.length - 1) {
            return low;
        }
        double next = a[lo + 1];
        for (int k = lo + 2; k < a.length; k++) {
            next = Math.min(next, a[k]);
        }
        return low + (h - lo) * (next - low);
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
