package org.mtboard.platform.serve;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mtboard.platform.baseline.BaselineImport;
import org.mtboard.platform.jobs.JobQueue;
import org.mtboard.platform.jobs.JobRunrSetup;
import org.mtboard.platform.jobs.WorkerIdentity;

/**
 * Brings the platform up in its mode: every mode starts the job queue (and its workers); serve
 * also makes sure the admin and local tokens exist and imports the committed baseline results on
 * first start. Then every queued run without a job gets one, and every reproduction whose runs have
 * all ended gets its verdict.
 */
@ApplicationScoped
public class PlatformStartup {
    private final String mode;
    private final int port;
    private final JobRunrSetup jobRunr;
    private final JobQueue queue;
    private final AdminAccess admin;
    private final BaselineImport baselines;
    private final ServeBanner banner;
    private final WorkerIdentity worker;
    private final org.mtboard.platform.jobs.RunLedger ledger;
    private final org.mtboard.platform.store.NetworkLabels labels;
    private final org.mtboard.platform.repro.ReproductionVerdicts verdicts;
    private final java.util.concurrent.ScheduledExecutorService sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "mtboard-sweeper"));

    public PlatformStartup(@ConfigProperty(name = "mtboard.mode") String mode, @ConfigProperty(name = "quarkus.http.port") int port,
                           JobRunrSetup jobRunr, JobQueue queue, AdminAccess admin, BaselineImport baselines, ServeBanner banner,
                           WorkerIdentity worker, org.mtboard.platform.jobs.RunLedger ledger,
                           org.mtboard.platform.store.NetworkLabels labels, org.mtboard.platform.repro.ReproductionVerdicts verdicts) {
        this.verdicts = verdicts;
        this.ledger = ledger;
        this.labels = labels;
        this.mode = mode;
        this.port = port;
        this.jobRunr = jobRunr;
        this.queue = queue;
        this.admin = admin;
        this.baselines = baselines;
        this.banner = banner;
        this.worker = worker;
    }

    void start(@Observes StartupEvent event) throws Exception {
        jobRunr.start();
        labels.backfill();
        StringBuilder text = new StringBuilder();
        if ("serve".equals(mode)) {
            AdminAccess.Issued tokens = admin.ensure();
            String imported = baselines.importOnFirstStart();
            text.append("\nMTBoard is up on port ").append(port).append('\n')
                    .append("  board        http://localhost:").append(port).append("/board.html?benchmark=mt10-rand\n")
                    .append("  board JSON   http://localhost:").append(port).append("/api/leaderboards/mt10-rand?tier=smoke\n")
                    .append("  OpenAPI      http://localhost:").append(port).append("/q/openapi  (Swagger UI: /q/swagger-ui)\n")
                    .append("  admin token  ").append(tokens.adminToken()).append("  (also in ").append(tokens.adminFile()).append(")\n")
                    .append("  your token   in ").append(tokens.localFile()).append(" (team 'local'); ./mtboard submit uses it\n")
                    .append("  baselines    ").append(imported).append('\n');
        }
        queue.enqueueQueued();
        verdicts.settleAll("startup");
        sweeper.scheduleWithFixedDelay(this::sweep, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        if ("worker".equals(mode)) {
            text.append("mtboard worker ").append(worker.name()).append(" is taking runs from the queue; stop it with Ctrl-C\n");
        }
        banner.set(text.toString());
    }

    private void sweep() {
        try {
            queue.sweepAbandoned(ledger);
            // Requests whose last run ended without a verdict (its worker died in between, or the run was lost in the sweep above).
            verdicts.settleAll("sweep");
        } catch (RuntimeException e) {
            org.jboss.logging.Logger.getLogger(PlatformStartup.class).warn("sweep for abandoned runs failed", e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        sweeper.shutdownNow();
        jobRunr.stop();
    }
}
