package org.mtboard.platform.jobs;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobServerFilter;
import org.jobrunr.jobs.filters.RetryFilter;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * JobRunr core wired by hand (its Quarkus extension is not available): jobs live in the
 * platform's PostgreSQL (JobRunr's own jobrunr_* tables), job classes come from CDI, and this
 * process runs a background job server with mtboard.worker.count workers, one run at a time each.
 * Any number of processes on any number of machines can do the same against one database.
 */
@ApplicationScoped
public class JobRunrSetup {
    private static final Logger LOG = Logger.getLogger(JobRunrSetup.class);
    private final AgroalDataSource dataSource;
    private final JobQueue queue;
    private final RunLedger ledger;
    private final WorkerIdentity worker;
    private final int workers;
    private final Duration pollInterval;
    private final int maxAttempts;

    public JobRunrSetup(AgroalDataSource dataSource, JobQueue queue, RunLedger ledger, WorkerIdentity worker,
                        @ConfigProperty(name = "mtboard.worker.count") int workers,
                        @ConfigProperty(name = "mtboard.worker.poll-interval") Duration pollInterval,
                        @ConfigProperty(name = "mtboard.max-attempts") int maxAttempts) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.ledger = ledger;
        this.worker = worker;
        this.workers = workers;
        this.pollInterval = pollInterval;
        this.maxAttempts = maxAttempts;
    }

    public void start() {
        StorageProvider storage = SqlStorageProviderFactory.using(dataSource);
        JobActivator fromCdi = new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return Arc.container().instance(type).get();
            }
        };
        // The ledger counts attempts too; JobRunr's retries match it, so a job and its run give up together.
        JobServerFilter gaveUp = new JobServerFilter() {
            @Override
            public void onFailedAfterRetries(Job job) {
                String why = job.getJobState() instanceof FailedState f ? f.getExceptionType() + ": " + f.getExceptionMessage()
                        : job.getJobState().getName().toString();
                ledger.jobGaveUp(job.getId(), why);
            }
        };
        JobRunr.configure()
                .useJsonMapper(new JacksonJsonMapper())
                .useJobActivator(fromCdi)
                .useStorageProvider(storage)
                .withJobFilter(new RetryFilter(maxAttempts - 1, 2), gaveUp)
                .useBackgroundJobServerIf(workers > 0, BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andName(worker.name()).andWorkerCount(Math.max(1, workers)).andPollInterval(pollInterval))
                .initialize();
        queue.attach(storage);
        LOG.infof("job queue ready; %s", workers > 0 ? workers + " local worker(s) as " + worker.name() : "no local worker");
    }

    public void stop() {
        JobRunr.destroy();
    }
}
