package org.mtboard.engine.run;

import java.util.List;
import java.util.Locale;

/** The training curve as CSV: one row per epoch; empty cells where no episode ended. */
public final class CurveCsv {
    private CurveCsv() {
    }

    public static String header(List<String> taskNames) {
        return "epoch,frames,wall_s,fps,mean_success_rate,mean_return,episodes,sim_s,inference_s,update_s,copy_s,loss,action_std,"
                + String.join(",", taskNames.stream().map(t -> "sr_" + t).toList()) + ",params_sha";
    }

    /** The header and one line per epoch, each ending in a newline: a whole curve.csv, or its start. */
    public static String text(List<String> taskNames, List<EpochRecord> records) {
        StringBuilder b = new StringBuilder(header(taskNames)).append('\n');
        records.forEach(r -> b.append(row(r)).append('\n'));
        return b.toString();
    }

    public static String row(EpochRecord r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d,%d,%.3f,%.1f,%s,%s,%d,%.4f,%.4f,%.4f,%.4f,%s,%.4f",
                r.epoch(), r.frames(), r.wallSeconds(), r.fps(), num(r.meanSuccess()), num(r.meanReturn()), r.episodesEnded(),
                r.simSeconds(), r.inferenceSeconds(), r.updateSeconds(), r.copySeconds(), num(r.loss()), r.actionStd()));
        for (double v : r.taskSuccess()) {
            b.append(',').append(num(v));
        }
        return b.append(',').append(r.paramsSha()).toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }
}
