package org.mtboard.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mtboard.engine.run.EpochRecord;
import org.mtboard.engine.run.ProgressLine;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.platform.store.Audit;
import org.mtboard.platform.store.ReproductionRecord;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.store.SubmissionRecord;

/**
 * A run's state in the database, changed only here and each change in one transaction with its
 * audit line. Per-epoch progress is written with bulk updates so a worker never reloads the
 * checkpoint or the curve it is extending.
 */
@ApplicationScoped
public class RunLedger {
    private static final List<String> DONE = List.of("finished", "failed", "cancelled", "imported");
    private final EntityManager em;
    private final Audit audit;

    public RunLedger(EntityManager em, Audit audit) {
        this.em = em;
        this.audit = audit;
    }

    /** Marks the run as running on this worker and returns what it needs; null when there is nothing to run. */
    @Transactional
    public Claim claim(long runId, String worker) {
        RunRecord r = em.find(RunRecord.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || DONE.contains(r.status)) {
            return null;
        }
        String actor = "worker:" + worker;
        if (r.cancelRequested) {
            stop(r, "cancelled", "cancelled before " + worker + " could start it", actor);
            return null;
        }
        r.attempts++;
        String reason = "running".equals(r.status)
                ? "resumed on " + worker + " (attempt " + r.attempts + ") after worker " + r.worker + " stopped"
                + (r.checkpointEpoch == null ? "; no checkpoint yet, starting over" : ", from the checkpoint after epoch " + r.checkpointEpoch)
                : "started on " + worker + " (attempt " + r.attempts + ")"
                + (r.checkpointEpoch == null ? "" : " from the checkpoint after epoch " + r.checkpointEpoch);
        r.worker = worker;
        r.heartbeatAt = Instant.now();
        if (r.startedAt == null) {
            r.startedAt = r.heartbeatAt;
        }
        r.error = null;
        audit.run(r, "running", reason, actor);
        SubmissionRecord s = r.submission;
        if ("queued".equals(s.status)) {
            audit.submission(s, "running", "seed " + r.seed + " started on " + worker, actor);
        }
        ReproductionRecord p = r.reproduction;
        if (p != null && ReproductionRecord.QUEUED.equals(p.state)) {
            audit.reproduction(p, ReproductionRecord.RUNNING, "seed " + r.seed + " started on " + worker, actor);
        }
        return new Claim(r.id, s.id, r.purpose, r.seed, s.configText, s.benchmark, s.tier, r.checkpoint, r.checkpointEpoch, r.attempts,
                p == null ? null : p.id, p == null ? "cpu" : p.backend);
    }

    /** Job ids of the runs that are queued or running. */
    @Transactional
    public List<UUID> activeJobIds() {
        return em.createQuery("select r.jobId from RunRecord r where r.status in ('queued', 'running')", UUID.class).getResultList();
    }

    /** The curve so far (a resumed run restarts it from its checkpoint's epochs). */
    @Transactional
    public void startCurve(long runId, String csv) {
        em.createQuery("update RunRecord r set r.curveCsv = :c where r.id = :id").setParameter("c", csv).setParameter("id", runId).executeUpdate();
    }

    /** One epoch's progress; returns whether a cancel has been asked for. */
    @Transactional
    public boolean epoch(long runId, EpochRecord e, int totalEpochs, String curveRow, String logTail) {
        double eta = ProgressLine.etaSeconds(e, totalEpochs);
        em.createQuery("update RunRecord r set r.epoch = :epoch, r.frames = :frames, r.successRate = :sr, r.etaSeconds = :eta,"
                        + " r.heartbeatAt = :now, r.logTail = :tail, r.curveCsv = concat(coalesce(r.curveCsv, ''), :row) where r.id = :id")
                .setParameter("epoch", e.epoch() + 1).setParameter("frames", e.frames())
                .setParameter("sr", e.hasEpisodes() ? e.meanSuccess() : null).setParameter("eta", eta)
                .setParameter("now", Instant.now()).setParameter("tail", logTail).setParameter("row", curveRow + "\n")
                .setParameter("id", runId).executeUpdate();
        return em.createQuery("select r.cancelRequested from RunRecord r where r.id = :id", Boolean.class)
                .setParameter("id", runId).getSingleResult();
    }

    @Transactional
    public void checkpoint(long runId, byte[] bytes, int epoch) {
        em.createQuery("update RunRecord r set r.checkpoint = :b, r.checkpointEpoch = :e, r.checkpointAt = :now where r.id = :id")
                .setParameter("b", bytes).setParameter("e", epoch).setParameter("now", Instant.now()).setParameter("id", runId)
                .executeUpdate();
    }

    /** Stores a full result; returns true when it was the submission's last scoring seed. */
    @Transactional
    public boolean finished(long runId, RunManifest m, String worker) {
        RunRecord r = lockWithSubmission(runId);
        r.resultJson = m.toJson();
        r.meanSuccess = m.meanSuccessRate();
        r.checksum = m.checksum();
        r.finishedAt = Instant.now();
        r.etaSeconds = 0.0;
        String reason = String.format(Locale.ROOT, "finished on %s: mean success rate %.3f over %d frames in %.0f s, checksum %s",
                worker, m.meanSuccessRate(), m.frames(), m.wallSeconds(), m.checksum().substring(0, 12));
        if (r.reproduces != null) {
            RunRecord original = r.reproduces;
            reason += String.format(Locale.ROOT, "; reproduces run #%d: %s (imported %.3f, re-run %.3f)", original.id,
                    m.checksum().equals(original.checksum) ? "same checksum, bit-identical" : "different checksum",
                    original.meanSuccess, m.meanSuccessRate());
        }
        audit.run(r, "finished", reason, "worker:" + worker);
        SubmissionRecord s = r.submission;
        if ("cancelling".equals(s.status)) {
            // The cancel came during this seed's last epoch: the seed is complete, the submission still ends cancelled.
            settleCancelling(s, "worker:" + worker);
            return false;
        }
        if (!RunRecord.SCORE.equals(r.purpose) || !"running".equals(s.status)) {
            return false;
        }
        long open = em.createQuery("select count(x) from RunRecord x where x.submission.id = :s and x.purpose = 'score'"
                + " and x.status <> 'finished'", Long.class).setParameter("s", s.id).getSingleResult();
        if (open > 0) {
            return false;
        }
        audit.note(r, "all " + RunRecord.count("submission.id = ?1 and purpose = 'score'", s.id)
                + " seeds finished; computing the entry's statistics", "worker:" + worker);
        return true;
    }

    /** The entry could not be scored (a bug, not the config's fault): the submission fails visibly. */
    @Transactional
    public void scoringFailed(long submissionId, String message, String worker) {
        SubmissionRecord s = em.find(SubmissionRecord.class, submissionId, LockModeType.PESSIMISTIC_WRITE);
        if (!DONE.contains(s.status)) {
            s.finishedAt = Instant.now();
            audit.submission(s, "failed", "its seeds finished but scoring failed: " + message, "worker:" + worker);
        }
    }

    /** A run stopped by a cancel request, at the end of an epoch; its partial result is kept for the record. */
    @Transactional
    public void cancelled(long runId, RunManifest partial, String worker) {
        RunRecord r = lockWithSubmission(runId);
        r.resultJson = partial.toJson();
        stop(r, "cancelled", "stopped after epoch " + r.epoch + " on " + worker + " because a cancel was requested", "worker:" + worker);
    }

    /** The config cannot run (the engine rejected it): fail at once, no retries, and stop its other seeds. */
    @Transactional
    public void failedConfig(long runId, String message, String worker) {
        RunRecord r = lockWithSubmission(runId);
        r.error = message;
        String actor = "worker:" + worker;
        stop(r, "failed", "the config failed: " + message, actor);
        SubmissionRecord s = r.submission;
        stopSiblings(r, "seed " + r.seed + " of the same config failed (" + message + ")", actor);
        if (!DONE.contains(s.status)) {
            s.finishedAt = Instant.now();
            audit.submission(s, "failed", "seed " + r.seed + ": " + message, actor);
        }
    }

    /** The submission cannot complete: its queued seeds never start, its running ones stop at their next epoch. */
    private void stopSiblings(RunRecord r, String why, String actor) {
        for (RunRecord other : RunRecord.ofSubmission(r.submission.id)) {
            // Only the runs that cannot complete with it: the submission's scoring seeds, or the same reproduction request's re-runs.
            if (other.id.equals(r.id) || !other.purpose.equals(r.purpose) || !java.util.Objects.equals(requestOf(other), requestOf(r))) {
                continue;
            }
            if ("queued".equals(other.status)) {
                audit.run(other, "cancelled", "not run: " + why, actor);
                other.finishedAt = Instant.now();
            } else if ("running".equals(other.status)) {
                other.cancelRequested = true;
                audit.note(other, "stopping: " + why, actor);
            }
        }
    }

    private static Long requestOf(RunRecord r) {
        return r.reproduction == null ? null : r.reproduction.id;
    }

    /**
     * The infrastructure failed this attempt (not the config). Returns true when the job should be
     * retried (the run goes back to the queue); false when attempts are used up and the run is lost.
     */
    @Transactional
    public boolean infrastructureFailure(long runId, String message, String worker, int maxAttempts) {
        RunRecord r = lockWithSubmission(runId);
        if (r == null || DONE.contains(r.status)) {
            return false;
        }
        r.error = message;
        String actor = "worker:" + worker;
        if (r.attempts < maxAttempts) {
            audit.run(r, "queued", "attempt " + r.attempts + " of " + maxAttempts + " failed on " + worker + " (" + message
                    + "); queued again" + (r.checkpointEpoch == null ? "" : ", resumes after epoch " + r.checkpointEpoch), actor);
            return true;
        }
        lost(r, "lost to infrastructure after " + r.attempts + " attempts; last error: " + message, actor);
        return false;
    }

    /** JobRunr gave up on a job (e.g. its workers kept dying): the run is lost, visibly. */
    @Transactional
    public void jobGaveUp(UUID jobId, String message) {
        RunRecord r = RunRecord.find("jobId", jobId).firstResult();
        if (r == null || DONE.contains(r.status)) {
            return;
        }
        lost(r, "lost to infrastructure: the job queue gave up on it after " + r.attempts + " started attempts (" + message + ")", "queue");
    }

    private void lost(RunRecord r, String reason, String actor) {
        r.lostToInfrastructure = true;
        stop(r, "failed", reason, actor);
        SubmissionRecord s = r.submission;
        if (RunRecord.SCORE.equals(r.purpose) && !DONE.contains(s.status)) {
            stopSiblings(r, "seed " + r.seed + " was lost to infrastructure", actor);
            s.finishedAt = Instant.now();
            audit.submission(s, "failed", "seed " + r.seed + " " + reason + "; it does not count against the team's quota", actor);
        }
    }

    /** Ends a run; a cancelling submission whose last active run ended becomes cancelled. */
    private void stop(RunRecord r, String to, String reason, String actor) {
        r.finishedAt = Instant.now();
        r.etaSeconds = null;
        audit.run(r, to, reason, actor);
        SubmissionRecord s = r.submission;
        if ("cancelling".equals(s.status)) {
            settleCancelling(s, actor);
        }
    }

    /** A cancelling submission whose runs have all ended is cancelled. */
    private void settleCancelling(SubmissionRecord s, String actor) {
        long active = em.createQuery("select count(x) from RunRecord x where x.submission.id = :s and x.status in ('queued', 'running')",
                Long.class).setParameter("s", s.id).getSingleResult();
        if (active == 0) {
            s.finishedAt = Instant.now();
            audit.submission(s, "cancelled", "its last running seed stopped", actor);
        }
    }

    /** Locks the submission, then the run, so that concurrent endings of one submission's seeds are counted in turn. */
    private RunRecord lockWithSubmission(long runId) {
        Long submissionId = em.createQuery("select r.submission.id from RunRecord r where r.id = :id", Long.class)
                .setParameter("id", runId).getResultStream().findFirst().orElse(null);
        if (submissionId == null) {
            return null;
        }
        em.find(SubmissionRecord.class, submissionId, LockModeType.PESSIMISTIC_WRITE);
        return em.find(RunRecord.class, runId, LockModeType.PESSIMISTIC_WRITE);
    }
}
