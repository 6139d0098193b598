package org.mtboard.platform.board;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The columns a board can be sorted by, the SQL each stands for, and its natural order. */
public final class BoardColumns {
    public record Column(String sql, boolean higherIsBetter) {
    }

    public static final Map<String, Column> SORTABLE = new LinkedHashMap<>();

    static {
        SORTABLE.put("mean", new Column("e.mean", true));
        SORTABLE.put("median", new Column("e.median", true));
        SORTABLE.put("iqm", new Column("e.iqm", true));
        SORTABLE.put("optimality_gap", new Column("e.optimalityGap", false));
        SORTABLE.put("mean_return", new Column("e.meanReturn", true));
        SORTABLE.put("frames", new Column("e.frames", false));
        SORTABLE.put("wall_s", new Column("e.wallSeconds", false));
        SORTABLE.put("cpu_hours", new Column("e.cpuHours", false));
        SORTABLE.put("gpu_hours", new Column("e.gpuHours", false));
        SORTABLE.put("fps", new Column("e.fps", true));
        SORTABLE.put("submitted", new Column("s.createdAt", false));
        SORTABLE.put("method", new Column("s.method", false));
        SORTABLE.put("rank", new Column("e.rank", false));
    }

    public static final List<String> ORDERS = List.of("asc", "desc");

    private BoardColumns() {
    }
}
