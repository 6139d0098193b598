package org.mtboard.platform.submit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mtboard.engine.run.TrainingConfig;
import org.mtboard.platform.api.ApiError;
import org.mtboard.platform.auth.Caller;
import org.mtboard.platform.store.Audit;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.store.SubmissionRecord;
import org.mtboard.platform.store.TeamRecord;

/** Accepts valid submissions (one run per frozen seed) and cancels them; the job queue is told after commit. */
@ApplicationScoped
public class SubmissionService {
    private final Quotas quotas;
    private final Audit audit;

    public SubmissionService(Quotas quotas, Audit audit) {
        this.quotas = quotas;
        this.audit = audit;
    }

    /** A stored run and the id its job gets. */
    public record QueuedRun(long runId, UUID jobId) {
    }

    /** @param duplicate true when an identical live submission existed and is returned instead (then no runs) */
    public record Accepted(long submissionId, boolean duplicate, List<QueuedRun> runs) {
    }

    /** A live submission with the same canonical config, benchmark, version and tier, or null. */
    public static SubmissionRecord duplicateOf(ValidSubmission v) {
        return SubmissionRecord.find("configHash = ?1 and benchmark = ?2 and protocolVersion = ?3 and tier = ?4"
                        + " and status not in ('cancelled', 'cancelling', 'failed')",
                v.configHash(), v.benchmark().name(), v.benchmark().protocolVersion(), v.tier().name()).firstResult();
    }

    @Transactional
    public Accepted submit(Caller caller, ValidSubmission v) {
        // Lock the team first: concurrent submissions of one team are then checked one at a time.
        int seeds = v.tier().seeds().size();
        SubmissionRecord existing = duplicateOf(v);
        if (existing != null) {
            return new Accepted(existing.id, true, List.of());
        }
        TeamRecord team = quotas.reserve(caller.teamId(), seeds);
        existing = duplicateOf(v);
        if (existing != null) {
            return new Accepted(existing.id, true, List.of());
        }
        SubmissionRecord s = new SubmissionRecord();
        s.team = team;
        s.configText = v.text();
        s.configHash = v.configHash();
        s.benchmark = v.benchmark().name();
        s.protocolVersion = v.benchmark().protocolVersion();
        s.tier = v.tier().name();
        s.method = v.metadata().method() != null ? v.metadata().method() : v.submission().name();
        s.labelFrom(v.submission());
        s.description = v.metadata().description();
        s.paperUrl = v.metadata().paperUrl();
        s.codeUrl = v.metadata().codeUrl();
        s.createdAt = Instant.now();
        s.status = "queued";
        s.persist();
        audit.created(s, "submitted by team " + team.name + " with " + seeds + " frozen seeds " + v.tier().seeds(),
                "team:" + team.name);
        List<QueuedRun> runs = new ArrayList<>();
        for (int seed : v.tier().seeds()) {
            RunRecord r = newRun(s, seed, RunRecord.SCORE, "queued", v);
            audit.created(r, "queued for seed " + seed, "team:" + team.name);
            runs.add(new QueuedRun(r.id, r.jobId));
        }
        return new Accepted(s.id, false, runs);
    }

    /** A run row for one seed, sized from the engine's own epoch rule. */
    public static RunRecord newRun(SubmissionRecord s, int seed, String purpose, String status, ValidSubmission v) {
        TrainingConfig config = new TrainingConfig(v.submission(), v.benchmark(), v.tier(), seed, 1, null, 0, false, 0);
        RunRecord r = new RunRecord();
        r.submission = s;
        r.seed = seed;
        r.purpose = purpose;
        r.status = status;
        r.epochsTotal = config.epochs();
        r.framesTotal = config.epochs() * config.framesPerEpoch();
        r.jobId = UUID.randomUUID();
        r.createdAt = Instant.now();
        r.persist();
        return r;
    }

    /** What a cancel did: runs that had not started (their jobs can go) and whether some stop at their next epoch. */
    public record Cancelled(List<RunRecord> dequeued, boolean stopping, String status) {
    }

    @Transactional
    public Cancelled cancel(Caller caller, long submissionId) {
        SubmissionRecord s = SubmissionRecord.findById(submissionId);
        if (s == null) {
            throw ApiError.notFound("no submission #" + submissionId);
        }
        if (!caller.admin() && !s.team.id.equals(caller.teamId())) {
            throw ApiError.forbidden("submission #" + submissionId + " belongs to another team; only its team or an admin may cancel it");
        }
        if (!List.of("queued", "running").contains(s.status)) {
            throw ApiError.conflict("submission #" + submissionId + " is " + s.status + "; only a queued or running submission can be cancelled");
        }
        String actor = "team:" + caller.teamName();
        List<RunRecord> dequeued = new ArrayList<>();
        boolean stopping = false;
        for (RunRecord r : RunRecord.ofSubmission(submissionId)) {
            if ("queued".equals(r.status)) {
                audit.run(r, "cancelled", "cancelled by " + actor + " before it started", actor);
                r.finishedAt = Instant.now();
                dequeued.add(r);
            } else if ("running".equals(r.status)) {
                r.cancelRequested = true;
                audit.note(r, "cancel requested by " + actor + "; the run stops after its current epoch", actor);
                stopping = true;
            }
        }
        if (stopping) {
            audit.submission(s, "cancelling", "cancelled by " + actor + "; running seeds stop at their next epoch", actor);
        } else {
            audit.submission(s, "cancelled", "cancelled by " + actor, actor);
            s.finishedAt = Instant.now();
        }
        return new Cancelled(dequeued, stopping, s.status);
    }
}
