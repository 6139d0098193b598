package org.mtboard.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jobrunr.scheduling.BackgroundJob;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.mtboard.platform.store.RunRecord;

/**
 * The runs' side of JobRunr: one job per run, its id the run's job id, so enqueueing twice (at
 * submit time and again by the startup sweep) never makes two jobs.
 */
@ApplicationScoped
public class JobQueue {
    private static final Logger LOG = Logger.getLogger(JobQueue.class);
    private volatile StorageProvider storage;

    void attach(StorageProvider storage) {
        this.storage = storage;
    }

    /** @return whether a job was made (false: it existed already) */
    public boolean enqueue(long runId, UUID jobId) {
        if (exists(jobId)) {
            return false;
        }
        BackgroundJob.<RunJob>enqueue(jobId, job -> job.execute(runId));
        return true;
    }

    public void delete(UUID jobId) {
        if (exists(jobId)) {
            BackgroundJob.delete(jobId);
        }
    }

    /** Every queued run gets its job (after a crash between commit and enqueue, say). */
    @jakarta.transaction.Transactional
    public int enqueueQueued() {
        List<RunRecord> queued = RunRecord.list("status", "queued");
        int added = 0;
        for (RunRecord r : queued) {
            added += enqueue(r.id, r.jobId) ? 1 : 0;
        }
        if (added > 0) {
            LOG.infof("queued %d runs that had no job", added);
        }
        return added;
    }

    /**
     * Runs whose job JobRunr has given up on without telling this process (a job whose last attempt
     * died with its worker fails in the orphan sweep of another server, which calls no filter), or
     * whose job was deleted outside the platform: each is recorded as lost, visibly.
     */
    public int sweepAbandoned(RunLedger ledger) {
        int lost = 0;
        for (UUID jobId : ledger.activeJobIds()) {
            org.jobrunr.jobs.Job job;
            try {
                job = storage.getJobById(jobId);
            } catch (JobNotFoundException e) {
                continue; // enqueueQueued gives queued runs their job
            }
            org.jobrunr.jobs.states.StateName state = job.getState();
            boolean settled = job.getUpdatedAt().isBefore(java.time.Instant.now().minusSeconds(60));
            if (settled && (state == org.jobrunr.jobs.states.StateName.FAILED || state == org.jobrunr.jobs.states.StateName.DELETED)) {
                String why = job.getJobState() instanceof org.jobrunr.jobs.states.FailedState f
                        ? f.getExceptionType() + ": " + f.getExceptionMessage() : "its job was " + state.name().toLowerCase();
                ledger.jobGaveUp(jobId, why);
                lost++;
            }
        }
        return lost;
    }

    private boolean exists(UUID jobId) {
        try {
            storage.getJobById(jobId);
            return true;
        } catch (JobNotFoundException e) {
            return false;
        }
    }
}
