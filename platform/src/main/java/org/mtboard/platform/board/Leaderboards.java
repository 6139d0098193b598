package org.mtboard.platform.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtboard.platform.store.BoardRecord;
import org.mtboard.platform.store.EntryRecord;
import org.mtboard.platform.store.SubmissionRecord;

/** A board as JSON or CSV bytes, from the rows Scoreboard stored (BoardCache keeps them). */
@ApplicationScoped
public class Leaderboards {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EntityManager em;
    private final Reproductions reproductions;
    public Leaderboards(EntityManager em, Reproductions reproductions) {
        this.em = em;
        this.reproductions = reproductions;
    }

    /** @param limit rows from offset on (0: all) */
    @Transactional
    public byte[] render(String benchmark, int version, String tier, String sort, String order, boolean csv, int limit, int offset) {
        List<Map<String, Object>> rows = rows(benchmark, version, tier, sort, order, limit, offset);
        return csv ? csv(rows) : json(benchmark, version, tier, rows, limit, offset);
    }

    /** What BoardCache compares: the audit log's head and the boards' versions. */
    @Transactional
    public String stamp() {
        Object[] row = (Object[]) em.createNativeQuery("select (select coalesce(max(id), 0) from audit_event),"
                + " (select coalesce(sum(version), 0) from board), (select count(*) from board)").getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2];
    }

    private List<Map<String, Object>> rows(String benchmark, int version, String tier, String sort, String order, int limit, int offset) {
        BoardColumns.Column column = BoardColumns.SORTABLE.get(sort);
        String nulls = " nulls last";
        var query = em.createQuery("select e, s from EntryRecord e join SubmissionRecord s on s.id = e.submissionId"
                        + " join fetch s.team where e.benchmark = ?1 and e.protocolVersion = ?2 and e.tier = ?3 and s.hidden = false order by "
                        + column.sql() + " " + order + nulls + ", e.submissionId", Object[].class)
                .setParameter(1, benchmark).setParameter(2, version).setParameter(3, tier).setFirstResult(offset);
        List<Object[]> found = (limit > 0 ? query.setMaxResults(limit) : query).getResultList();
        Map<Long, String> reproduction = reproductions.badges(benchmark, version, tier);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] pair : found) {
            EntryRecord e = (EntryRecord) pair[0];
            SubmissionRecord s = (SubmissionRecord) pair[1];
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rank", e.rank);
            r.put("rank_tier", e.rankTier);
            r.put("id", e.submissionId);
            r.put("method", s.method);
            r.put("algorithm", s.algorithm);
            r.put("network", s.network);
            r.put("scheme", s.scheme);
            r.put("team", s.team.name);
            r.put("origin", s.origin);
            r.put("seeds_done", e.seedsDone);
            r.put("seeds_total", e.seedsTotal);
            r.put("mean", interval(e.mean, e.meanLo, e.meanHi));
            r.put("median", interval(e.median, e.medianLo, e.medianHi));
            r.put("iqm", interval(e.iqm, e.iqmLo, e.iqmHi));
            r.put("optimality_gap", interval(e.optimalityGap, e.optimalityGapLo, e.optimalityGapHi));
            r.put("mean_return", e.meanReturn);
            r.put("frames", e.frames);
            r.put("wall_s", e.wallSeconds);
            r.put("cpu_hours", e.cpuHours);
            r.put("gpu_hours", e.gpuHours);
            r.put("fps", e.fps);
            r.put("submitted_at", s.createdAt.toString());
            r.put("reproduction", reproduction.getOrDefault(e.submissionId, ReproductionViews.NOT_CHECKED));
            rows.add(r);
        }
        return rows;
    }

    private static Map<String, Object> interval(double point, double lo, double hi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", point);
        m.put("lo", lo);
        m.put("hi", hi);
        return m;
    }

    private byte[] json(String benchmark, int version, String tier, List<Map<String, Object>> rows, int limit, int offset) {
        BoardRecord b = BoardRecord.of(benchmark, version, tier);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("benchmark", benchmark);
        v.put("protocol_version", version);
        v.put("tier", tier);
        v.put("computed_at", b == null ? null : b.computedAt.toString());
        v.put("total", em.createQuery("select count(e) from EntryRecord e, SubmissionRecord s where s.id = e.submissionId and"
                        + " e.benchmark = ?1 and e.protocolVersion = ?2 and e.tier = ?3 and s.hidden = false", Long.class)
                .setParameter(1, benchmark).setParameter(2, version).setParameter(3, tier).getSingleResult());
        v.put("offset", offset);
        v.put("limit", limit == 0 ? null : limit);
        v.put("entries", rows);
        try {
            return JSON.writeValueAsBytes(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<String> CSV_COLUMNS = List.of("rank", "rank_tier", "id", "method", "algorithm", "network", "scheme", "team", "origin", "seeds_done",
            "seeds_total", "mean", "mean_lo", "mean_hi", "median", "median_lo", "median_hi", "iqm", "iqm_lo", "iqm_hi", "optimality_gap",
            "optimality_gap_lo", "optimality_gap_hi", "mean_return", "frames", "wall_s", "cpu_hours", "gpu_hours", "fps", "submitted_at",
            "reproduction");

    @SuppressWarnings("unchecked")
    private static byte[] csv(List<Map<String, Object>> rows) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : CSV_COLUMNS) {
                Object v;
                if (c.endsWith("_lo") || c.endsWith("_hi")) {
                    v = ((Map<String, Object>) r.get(c.substring(0, c.length() - 3))).get(c.substring(c.length() - 2));
                } else {
                    v = r.get(c);
                    if (v instanceof Map<?, ?> m) {
                        v = m.get("point");
                    }
                }
                cells.add(CsvCell.of(v));
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
