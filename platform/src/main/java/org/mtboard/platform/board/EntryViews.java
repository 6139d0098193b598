package org.mtboard.platform.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.engine.stats.EntryStatistics;
import org.mtboard.platform.api.ApiError;
import org.mtboard.platform.store.EntryRecord;
import org.mtboard.platform.store.ImprovementRecord;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.store.SubmissionRecord;

/** The JSON of one entry, assembled from what Scoreboard stored. */
@ApplicationScoped
public class EntryViews {
    /** An entry and its submission, or a 404 (not scored yet, or hidden). */
    record Visible(EntryRecord entry, SubmissionRecord submission) {
    }

    static Visible visible(long id) {
        EntryRecord e = EntryRecord.findById(id);
        SubmissionRecord s = SubmissionRecord.findById(id);
        if (e == null || s == null || s.hidden) {
            throw ApiError.notFound("no entry #" + id + (s != null && !s.hidden ? " yet: submission #" + id + " is " + s.status : ""));
        }
        return new Visible(e, s);
    }

    /** The config exactly as submitted (the entry export reads only this, not the whole entry). */
    @Transactional
    public String config(long id) {
        return visible(id).submission().configText;
    }

    /** Per task: success rate with its 95% interval and mean return, as CSV (cells as the board's CSV writes them). */
    @Transactional
    public String tasksCsv(long id) {
        StringBuilder b = new StringBuilder("task,success_rate,success_rate_lo,success_rate_hi,mean_return\n");
        for (EntryStatistics.TaskEstimate t : Scoreboard.details(visible(id).entry()).perTask()) {
            b.append(String.join(",", CsvCell.of(t.task()), CsvCell.of(t.successRate()), CsvCell.of(t.lo()), CsvCell.of(t.hi()),
                    CsvCell.of(t.meanReturn()))).append('\n');
        }
        return b.toString();
    }

    @Transactional
    public Map<String, Object> entry(long id) {
        Visible visible = visible(id);
        EntryRecord e = visible.entry();
        SubmissionRecord s = visible.submission();
        EntryDetails d = Scoreboard.details(e);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("method", s.method);
        v.put("algorithm", s.algorithm);
        v.put("network", s.network);
        v.put("scheme", s.scheme);
        v.put("team", s.team.name);
        v.put("description", s.description);
        v.put("paper_url", s.paperUrl);
        v.put("code_url", s.codeUrl);
        v.put("origin", s.origin);
        v.put("benchmark", e.benchmark);
        v.put("protocol_version", e.protocolVersion);
        v.put("tier", e.tier);
        v.put("rank", e.rank);
        v.put("rank_tier", e.rankTier);
        v.put("computed_at", e.computedAt.toString());
        v.put("submitted_at", s.createdAt.toString());
        v.put("config", s.configText);
        v.put("config_hash", s.configHash);
        v.put("seeds_done", e.seedsDone);
        v.put("seeds_total", e.seedsTotal);
        v.put("aggregates", d.aggregates());
        v.put("per_task", d.perTask());
        v.put("performance_profile", d.profile());
        v.put("curve", d.curve());
        v.put("curves_per_seed", seedCurves(d));
        v.put("probability_of_improvement", improvements(id));
        List<Map<String, Object>> seeds = new ArrayList<>();
        for (EntryDetails.Seed seed : d.seeds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", seed.seed());
            m.put("run", seed.runId());
            m.put("mean_success_rate", seed.meanSuccessRate());
            m.put("checksum", seed.checksum());
            m.put("manifest", RunManifest.fromJson(seed.manifestJson()));
            seeds.add(m);
        }
        v.put("seeds", seeds);
        v.put("badge", ReproductionViews.badge(id));
        v.put("reproductions", ReproductionViews.historyOf(id));
        v.put("reproduction", reproduction(id));
        return v;
    }

    /** Each seed's mean success rate against frames and wall-clock, as Scoreboard sampled it. */
    private static List<Map<String, Object>> seedCurves(EntryDetails d) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EntryDetails.Seed seed : d.seeds()) {
            if (seed.curve() == null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", seed.seed());
            m.put("frames", seed.curve().frames());
            m.put("wall_s", seed.curve().wallSeconds());
            m.put("mean_success_rate", seed.curve().meanSuccess());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> improvements(long id) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImprovementRecord i : ImprovementRecord.<ImprovementRecord>list("entryA = ?1 or entryB = ?1", id)) {
            boolean first = i.entryA == id;
            long other = first ? i.entryB : i.entryA;
            SubmissionRecord o = SubmissionRecord.findById(other);
            if (o == null || o.hidden) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("other", other);
            m.put("other_method", o.method);
            // Stored as P(a > b); from b's side it is 1 - P(a > b), and the interval flips with it.
            m.put("point", first ? i.point : 1 - i.point);
            m.put("lo", first ? i.lo : 1 - i.hi);
            m.put("hi", first ? i.hi : 1 - i.lo);
            out.add(m);
        }
        return out;
    }

    /** Every re-run of the entry, request by request (the requests themselves are under "reproductions"). */
    private static List<Map<String, Object>> reproduction(long id) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunRecord r : RunRecord.<RunRecord>list("submission.id = ?1 and purpose = 'reproduction' order by reproduction.id, seed", id)) {
            // A re-run on a seed the entry was not scored on (a statistical check) has no original.
            RunRecord o = r.reproduces != null ? r.reproduces : new RunRecord();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reproduction_id", r.reproduction == null ? null : r.reproduction.id);
            m.put("seed", r.seed);
            m.put("status", r.status);
            m.put("imported_checksum", o.checksum);
            m.put("rerun_checksum", r.checksum);
            m.put("same_checksum", r.sameChecksumAsOriginal());
            m.put("imported_mean_success_rate", o.meanSuccess);
            m.put("rerun_mean_success_rate", r.meanSuccess);
            m.put("imported_device", o.resultJson == null ? null : RunManifest.fromJson(o.resultJson).device());
            m.put("rerun_device", r.resultJson == null ? null : RunManifest.fromJson(r.resultJson).device());
            m.put("progress", r.epochsTotal == 0 ? 0 : (double) r.epoch / r.epochsTotal);
            out.add(m);
        }
        return out;
    }
}
