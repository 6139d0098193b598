package org.mtboard.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtboard.platform.store.AuditEvent;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.store.SubmissionRecord;
import org.mtboard.platform.submit.QueuePositions;

/** The JSON a client sees of a submission and its runs (snake_case, stable field order). */
@ApplicationScoped
public class SubmissionViews {
    private final QueuePositions queue;

    public SubmissionViews(QueuePositions queue) {
        this.queue = queue;
    }

    @Transactional
    public Map<String, Object> accepted(long id, boolean duplicate) {
        SubmissionRecord s = find(id);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id);
        v.put("status", s.status);
        v.put("duplicate", duplicate);
        v.put("benchmark", s.benchmark);
        v.put("protocol_version", s.protocolVersion);
        v.put("tier", s.tier);
        v.put("queue_position", queue.ofSubmission(id));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunRecord r : RunRecord.ofSubmission(id)) {
            if (RunRecord.SCORE.equals(r.purpose)) {
                runs.add(Map.of("seed", r.seed, "status", r.status));
            }
        }
        v.put("runs", runs);
        v.put("url", "/api/submissions/" + id);
        return v;
    }

    @Transactional
    public Map<String, Object> status(long id) {
        SubmissionRecord s = find(id);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id);
        v.put("team", s.team.name);
        v.put("method", s.method);
        v.put("algorithm", s.algorithm);
        v.put("benchmark", s.benchmark);
        v.put("protocol_version", s.protocolVersion);
        v.put("tier", s.tier);
        v.put("status", s.status);
        v.put("origin", s.origin);
        v.put("hidden", s.hidden);
        v.put("queue_position", queue.ofSubmission(id));
        v.put("created_at", s.createdAt.toString());
        v.put("finished_at", s.finishedAt == null ? null : s.finishedAt.toString());
        v.put("config_hash", s.configHash);
        List<Map<String, Object>> runs = new ArrayList<>();
        List<String> logTail = new ArrayList<>();
        for (RunRecord r : RunRecord.ofSubmission(id)) {
            runs.add(runView(r));
            if (r.logTail != null && !r.logTail.isEmpty()) {
                List<String> lines = Arrays.asList(r.logTail.split("\n"));
                lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(l -> logTail.add("seed " + r.seed + ": " + l));
            }
        }
        v.put("runs", runs);
        List<Map<String, Object>> audit = new ArrayList<>();
        for (AuditEvent e : AuditEvent.ofSubmission(id)) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("at", e.at.toString());
            a.put("seed", e.seed);
            a.put("from", e.fromStatus);
            a.put("to", e.toStatus);
            a.put("reason", e.reason);
            a.put("actor", e.actor);
            audit.add(a);
        }
        v.put("audit", audit);
        v.put("log_tail", logTail);
        return v;
    }

    private Map<String, Object> runView(RunRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seed", r.seed);
        v.put("purpose", r.purpose);
        v.put("reproduction", r.reproduction == null ? null : r.reproduction.id);
        v.put("status", r.status);
        v.put("queue_position", "queued".equals(r.status) ? queue.ofRun(r.id) : null);
        v.put("attempts", r.attempts);
        v.put("worker", r.worker);
        v.put("epoch", r.epoch);
        v.put("epochs_total", r.epochsTotal);
        v.put("frames", r.frames);
        v.put("frames_total", r.framesTotal);
        v.put("success_rate", r.successRate);
        v.put("eta_s", r.etaSeconds);
        v.put("heartbeat_at", r.heartbeatAt == null ? null : r.heartbeatAt.toString());
        v.put("checkpoint_epoch", r.checkpointEpoch);
        v.put("mean_success_rate", r.meanSuccess);
        v.put("checksum", r.checksum);
        v.put("error", r.error);
        if (r.reproduces != null) {
            RunRecord original = r.reproduces;
            Map<String, Object> rep = new LinkedHashMap<>();
            rep.put("run", original.id);
            rep.put("imported_checksum", original.checksum);
            rep.put("imported_mean_success_rate", original.meanSuccess);
            rep.put("same_checksum", r.sameChecksumAsOriginal());
            v.put("reproduces", rep);
        }
        return v;
    }

    private static SubmissionRecord find(long id) {
        SubmissionRecord s = SubmissionRecord.findById(id);
        if (s == null) {
            throw ApiError.notFound("no submission #" + id);
        }
        return s;
    }
}
