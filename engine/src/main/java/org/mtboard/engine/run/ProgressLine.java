package org.mtboard.engine.run;

import java.util.Locale;

/** The one-line progress report of an epoch, as `mtboard train` prints it and the service's log tail shows it. */
public final class ProgressLine {
    private ProgressLine() {
    }

    /** Seconds until the last epoch, at this run's average pace so far. */
    public static double etaSeconds(EpochRecord r, int totalEpochs) {
        return (totalEpochs - r.epoch() - 1) * r.wallSeconds() / (r.epoch() + 1);
    }

    public static String of(EpochRecord r, int totalEpochs) {
        double remaining = etaSeconds(r, totalEpochs);
        String sr = r.hasEpisodes() ? String.format(Locale.ROOT, "%.3f", r.meanSuccess()) : "  -  ";
        return String.format(Locale.ROOT, "epoch %d/%d  frames %,d  SR %s  std %.3f  fps %,.0f  ETA %dm%02ds", r.epoch() + 1, totalEpochs,
                r.frames(), sr, r.actionStd(), r.fps(), (int) (remaining / 60), (int) (remaining % 60));
    }
}
