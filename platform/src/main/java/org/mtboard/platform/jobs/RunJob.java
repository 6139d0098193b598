package org.mtboard.platform.jobs;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jobrunr.jobs.annotations.Job;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.engine.recipe.RecipeFiles;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.recipe.Tier;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.engine.run.RunSpec;
import org.mtboard.engine.run.Runs;
import org.mtboard.platform.board.Scoreboard;
import org.mtboard.platform.repro.ReproductionVerdicts;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.submit.Benchmarks;

/**
 * The job JobRunr runs for one (submission, seed): claims the run, trains it through the engine's
 * run API from the database checkpoint if there is one, and records the outcome (for a re-run, its
 * reproduction request is judged when it was the request's last). A config the
 * engine rejects fails at once; anything else is the infrastructure's fault and is retried (the
 * exception goes back to JobRunr) until the attempts are used up.
 */
@ApplicationScoped
@Unremovable // JobRunr looks it up by class; nothing injects it
public class RunJob {
    private static final Logger LOG = Logger.getLogger(RunJob.class);
    private final RunLedger ledger;
    private final Benchmarks benchmarks;
    private final Scoreboard scoreboard;
    private final ReproductionVerdicts verdicts;
    private final WorkerIdentity worker;
    private final int threads;
    private final Duration checkpointInterval;
    private final int maxAttempts;

    public RunJob(RunLedger ledger, Benchmarks benchmarks, Scoreboard scoreboard, ReproductionVerdicts verdicts, WorkerIdentity worker,
                  @ConfigProperty(name = "mtboard.worker.threads") int threads,
                  @ConfigProperty(name = "mtboard.checkpoint-interval") Duration checkpointInterval,
                  @ConfigProperty(name = "mtboard.max-attempts") int maxAttempts) {
        this.ledger = ledger;
        this.benchmarks = benchmarks;
        this.scoreboard = scoreboard;
        this.verdicts = verdicts;
        this.worker = worker;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.checkpointInterval = checkpointInterval;
        this.maxAttempts = maxAttempts;
    }

    @Job(name = "run %0")
    public void execute(long runId) throws Exception {
        Claim claim = ledger.claim(runId, worker.name());
        if (claim == null) {
            return;
        }
        try {
            run(runId, claim);
        } finally {
            if (claim.reproductionId() != null) {
                settle(claim.reproductionId());
            }
        }
    }

    private void run(long runId, Claim claim) throws Exception {
        RunSpec spec;
        try {
            BenchmarkDefinition benchmark = benchmarks.find(claim.benchmark());
            if (benchmark == null) {
                // This worker's checkout lacks the benchmark: the worker's fault, so retried (maybe elsewhere), not the config's.
                missingBenchmark(runId, claim);
                return;
            }
            Submission submission = RecipeFiles.parseSubmission(claim.configText(), "submission #" + claim.submissionId());
            Tier tier = benchmark.tier(claim.tier());
            // A re-run may be on a seed the tier does not freeze (a statistical check); a scoring run never is.
            spec = RunRecord.REPRODUCTION.equals(claim.purpose()) ? RunSpec.reproduction(submission, benchmark, tier, claim.seed())
                    : new RunSpec(submission, benchmark, tier, claim.seed());
        } catch (ConfigException e) {
            ledger.failedConfig(runId, e.getMessage(), worker.name());
            return;
        }
        Path work = Files.createTempDirectory("mtboard-run-" + runId + "-");
        try {
            RunManifest m = Runs.train(spec, new Runs.Settings(threads, work, 0, false, 0, claim.backend()), claim.checkpoint(),
                    new RunProgress(ledger, runId, checkpointInterval));
            if (m.partial()) {
                ledger.cancelled(runId, m, worker.name());
            } else if (ledger.finished(runId, m, worker.name())) {
                score(claim.submissionId());
            }
        } catch (ConfigException e) {
            ledger.failedConfig(runId, e.getMessage(), worker.name());
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            LOG.errorf(e, "run %d failed on attempt %d", runId, claim.attempt());
            if (ledger.infrastructureFailure(runId, e.getClass().getSimpleName() + ": " + e.getMessage(), worker.name(), maxAttempts)) {
                throw e instanceof Exception ex ? ex : new IllegalStateException(e);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** After a re-run ended (or went back to the queue, when this does nothing): its request's verdict, if it was the last. */
    private void settle(long reproductionId) {
        try {
            verdicts.settle(reproductionId, "worker:" + worker.name());
        } catch (RuntimeException e) {
            // The periodic sweep tries again; the run's own outcome is already stored.
            LOG.errorf(e, "judging reproduction #%d failed", reproductionId);
        }
    }

    private void missingBenchmark(long runId, Claim claim) {
        String message = "worker " + worker.name() + " has no benchmark '" + claim.benchmark() + "' in its benchmarks directory";
        if (ledger.infrastructureFailure(runId, message, worker.name(), maxAttempts)) {
            throw new IllegalStateException(message);
        }
    }

    private void score(long submissionId) {
        try {
            scoreboard.submissionFinished(submissionId, worker.name());
        } catch (RuntimeException e) {
            LOG.errorf(e, "scoring submission %d failed", submissionId);
            ledger.scoringFailed(submissionId, e.toString(), worker.name());
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("could not remove %s: %s", dir, e.getMessage());
        }
    }
}
