package org.mtboard.platform.board;

import java.util.List;
import org.mtboard.engine.stats.EntryStatistics;
import org.mtboard.engine.stats.IntervalEstimate;

/** What an entry stores beside its board columns (JSON in entry.details_json). */
public record EntryDetails(List<IntervalEstimate> aggregates, List<EntryStatistics.TaskEstimate> perTask,
                           List<IntervalEstimate> profile, EntryStatistics.Curve curve, List<Seed> seeds) {
    /** One seed's result: its manifest as stored (result.json), and its own curve (null where it has no curve.csv). */
    public record Seed(int seed, long runId, double meanSuccessRate, String checksum, String manifestJson,
                       EntryStatistics.SeedCurve curve) {
    }
}
