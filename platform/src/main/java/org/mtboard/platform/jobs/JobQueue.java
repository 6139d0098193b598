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

    public void enqueue(long runId, UUID jobId) {
        if (exists(jobId)) {
            return;
        }
        BackgroundJob.<RunJob>enqueue(jobId, job -> job.execute(runId));
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
            if (!exists(r.jobId)) {
                BackgroundJob.<RunJob>enqueue(r.jobId, job -> job.execute(r.id));
                added++;
            }
        }
        if (added > 0) {
            LOG.infof("queued %d runs that had no job", added);
        }
        return added;
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
