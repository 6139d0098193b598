package org.mtboard.platform.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Writes the audit log. Every status change of a submission or a run goes through here with its
 * reason, in the same transaction as the change, so the log and the state never disagree.
 */
@ApplicationScoped
public class Audit {
    public void submission(SubmissionRecord s, String to, String reason, String actor) {
        String from = s.status;
        s.status = to;
        write(s.id, null, null, from, to, reason, actor);
    }

    public void run(RunRecord r, String to, String reason, String actor) {
        String from = r.status;
        r.status = to;
        write(r.submission.id, r.id, r.seed, from, to, reason, actor);
    }

    /** A new submission, already persisted with its first status. */
    public void created(SubmissionRecord s, String reason, String actor) {
        write(s.id, null, null, null, s.status, reason, actor);
    }

    /** A new run, already persisted with its first status. */
    public void created(RunRecord r, String reason, String actor) {
        write(r.submission.id, r.id, r.seed, null, r.status, reason, actor);
    }

    /** An entry hidden from or shown again on its board: no status change, but on the record. */
    public void visibility(SubmissionRecord s, boolean hidden, String reason, String actor) {
        write(s.id, null, null, s.status, s.status, (hidden ? "hidden from the board: " : "shown on the board again: ") + reason, actor);
    }

    /**
     * A reproduction request changed state (asked for, judged, failed): on the entry's record, with no status change of the
     * submission itself (the request's runs have their own lines).
     */
    public void reproduction(ReproductionRecord p, String to, String reason, String actor) {
        p.state = to;
        SubmissionRecord s = p.submission;
        write(s.id, null, null, s.status, s.status, "reproduction #" + p.id + " " + to + ": " + reason, actor);
    }

    /** A line with no status change of its own (e.g. a retry that keeps a run queued). */
    public void note(RunRecord r, String reason, String actor) {
        write(r.submission.id, r.id, r.seed, r.status, r.status, reason, actor);
    }

    private void write(Long submissionId, Long runId, Integer seed, String from, String to, String reason, String actor) {
        AuditEvent e = new AuditEvent();
        e.at = Instant.now();
        e.submissionId = submissionId;
        e.runId = runId;
        e.seed = seed;
        e.fromStatus = from;
        e.toStatus = to;
        e.reason = reason;
        e.actor = actor;
        e.persist();
    }
}
