package org.mtboard.platform.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.platform.api.ApiError;
import org.mtboard.platform.store.ReproductionRecord;
import org.mtboard.platform.store.RunRecord;

/**
 * The JSON of an entry's reproduction requests and of its badge. The badge is the outcome of the
 * latest request that reached a verdict; requests still running, or failed without a verdict, leave
 * it as it was, and an entry nobody has re-run is "not checked".
 */
@ApplicationScoped
public class ReproductionViews {
    public static final String NOT_CHECKED = "not checked";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request of a visible entry, or a 404. */
    @Transactional
    public Map<String, Object> one(long entryId, long reproductionId) {
        EntryViews.visible(entryId);
        ReproductionRecord p = ReproductionRecord.findById(reproductionId);
        if (p == null || !p.submission.id.equals(entryId)) {
            throw ApiError.notFound("entry #" + entryId + " has no reproduction #" + reproductionId);
        }
        return view(p);
    }

    /** Every request of a visible entry, newest first, or a 404. */
    @Transactional
    public List<Map<String, Object>> history(long entryId) {
        EntryViews.visible(entryId);
        return historyOf(entryId);
    }

    static List<Map<String, Object>> historyOf(long entryId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReproductionRecord p : ReproductionRecord.<ReproductionRecord>list("submission.id = ?1 order by requestedAt desc, id desc",
                entryId)) {
            out.add(view(p));
        }
        return out;
    }

    /** {state, reproduction_id, checked_at}: the latest verdict, or "not checked" with nulls. */
    static Map<String, Object> badge(long entryId) {
        ReproductionRecord latest = ReproductionRecord.find("submission.id = ?1 and state = ?2 order by finishedAt desc, id desc",
                entryId, ReproductionRecord.DONE).firstResult();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("state", latest == null ? NOT_CHECKED : latest.outcome);
        b.put("reproduction_id", latest == null ? null : latest.id);
        b.put("checked_at", latest == null ? null : latest.finishedAt.toString());
        return b;
    }

    private static Map<String, Object> view(ReproductionRecord p) {
        long entry = p.submission.id;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id);
        v.put("entry", entry);
        v.put("requested_by", p.requestedBy);
        v.put("requested_at", p.requestedAt.toString());
        v.put("backend", p.backend);
        v.put("seeds", p.seedList());
        v.put("state", p.state);
        v.put("outcome", p.outcome);
        v.put("mode", p.mode);
        v.put("summary", p.summary);
        v.put("error", p.error);
        v.put("finished_at", p.finishedAt == null ? null : p.finishedAt.toString());
        List<Map<String, Object>> runs = new ArrayList<>();
        List<String> ranOn = new ArrayList<>();
        for (RunRecord r : RunRecord.<RunRecord>list("reproduction.id = ?1 order by seed", p.id)) {
            RunManifest m = r.resultJson == null ? null : RunManifest.fromJson(r.resultJson);
            runs.add(run(r, m));
            String where = where(r, m);
            if (where != null && !ranOn.contains(where)) {
                ranOn.add(where);
            }
        }
        v.put("ran_on", ranOn);
        v.put("runs", runs);
        v.put("verdict", p.verdictJson == null ? null : tree(p.verdictJson));
        v.put("url", "/api/entries/" + entry + "/reproductions/" + p.id);
        return v;
    }

    /** @param m the re-run's manifest, null until it finished */
    private static Map<String, Object> run(RunRecord r, RunManifest m) {
        RunRecord o = r.reproduces;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seed", r.seed);
        v.put("run", r.id);
        v.put("status", r.status);
        v.put("progress", r.epochsTotal == 0 ? 0 : (double) r.epoch / r.epochsTotal);
        v.put("worker", r.worker);
        v.put("backend", m == null ? null : m.backend());
        v.put("device", m == null ? null : m.device());
        v.put("threads", m == null ? null : m.threads());
        v.put("checksum", r.checksum);
        v.put("original_checksum", o == null ? null : o.checksum);
        v.put("same_checksum", r.sameChecksumAsOriginal());
        v.put("mean_success_rate", r.meanSuccess);
        v.put("original_mean_success_rate", o == null ? null : o.meanSuccess);
        v.put("error", r.error);
        return v;
    }

    /** Where a re-run ran: its worker, and the device its manifest names once it finished. */
    private static String where(RunRecord r, RunManifest m) {
        if (r.worker == null) {
            return null;
        }
        return m == null ? r.worker : r.worker + " (" + m.device() + ")";
    }

    private static Object tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored verdict is not JSON", e);
        }
    }
}
