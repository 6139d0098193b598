package org.mtboard.platform.repro;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.engine.recipe.RecipeFiles;
import org.mtboard.engine.recipe.Submission;
import org.mtboard.engine.repro.ReproductionPlanner;
import org.mtboard.engine.repro.StatisticalCheck;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.platform.api.ApiError;
import org.mtboard.platform.auth.Caller;
import org.mtboard.platform.store.Audit;
import org.mtboard.platform.store.EntryRecord;
import org.mtboard.platform.store.ReproductionRecord;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.store.SubmissionRecord;
import org.mtboard.platform.store.TeamRecord;
import org.mtboard.platform.submit.Benchmarks;
import org.mtboard.platform.submit.Quotas;
import org.mtboard.platform.submit.SubmissionMetadata;
import org.mtboard.platform.submit.SubmissionService;
import org.mtboard.platform.submit.ValidSubmission;

/**
 * Accepts a reproduction request: one queued run per seed, on the same job queue and workers as the
 * scoring runs (the caller enqueues them after commit, as for submissions). {@link ReproductionVerdicts}
 * judges the request when its last run ends.
 */
@ApplicationScoped
public class ReproductionService {
    private final EntityManager em;
    private final Quotas quotas;
    private final Audit audit;
    private final Benchmarks benchmarks;
    private final int workerThreads;
    private volatile ReproductionPlanner.RerunMachine workers;

    public ReproductionService(EntityManager em, Quotas quotas, Audit audit, Benchmarks benchmarks,
                               @ConfigProperty(name = "mtboard.worker.threads") int workerThreads) {
        this.em = em;
        this.quotas = quotas;
        this.audit = audit;
        this.benchmarks = benchmarks;
        // as RunJob resolves it: 0 means every core
        this.workerThreads = workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }

    /** The stored request and the runs whose jobs the caller enqueues. */
    public record Accepted(long reproductionId, List<SubmissionService.QueuedRun> runs) {
    }

    @Transactional
    public Accepted request(Caller caller, long entryId, ReproductionAsk ask) {
        // The submission's row lock makes "no other request is active" and the insert one step for concurrent requests.
        SubmissionRecord s = em.find(SubmissionRecord.class, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || s.hidden || EntryRecord.findById(entryId) == null) {
            throw ApiError.notFound("no entry #" + entryId);
        }
        Map<Integer, RunRecord> originals = originals(entryId);
        if (originals.isEmpty()) {
            throw ApiError.conflict("entry #" + entryId + " has no finished scored runs to reproduce");
        }
        List<Integer> seeds = ask.seeds() != null ? ask.seeds() : List.copyOf(originals.keySet());
        ReproductionPlanner.Plan plan = plan(seeds, ask.backend(), originals);
        Unjudgeable u = unjudgeable(plan, plan(List.copyOf(originals.keySet()), ask.backend(), originals));
        if (u != null) {
            throw ApiError.badField("seeds", u.why(), u.allowed());
        }
        ReproductionRecord active = ReproductionRecord.find("submission.id = ?1 and state in ('queued', 'running') order by id",
                entryId).firstResult();
        if (active != null) {
            throw ApiError.conflict("reproduction #" + active.id + " of entry #" + entryId + " is " + active.state
                    + "; ask again when it has ended (GET /api/entries/" + entryId + "/reproductions/" + active.id + ")");
        }
        TeamRecord team = quotas.reserveRuns(caller.teamId(), seeds.size());
        return queue(s, team.name, team, plan, originals, "team:" + team.name);
    }

    /**
     * Stores a request and its queued runs (also the service's own re-execution of an imported baseline, whose
     * originals are the imported runs).
     *
     * @param plan      {@link #plan}'s for these originals, not refused
     * @param originals the entry's finished scored runs by seed; a re-run of one of these seeds points at it
     */
    public Accepted queue(SubmissionRecord s, String requestedBy, TeamRecord team, ReproductionPlanner.Plan plan,
                          Map<Integer, RunRecord> originals, String actor) {
        if (plan.refused()) {
            throw new IllegalArgumentException("a refused plan is not queued: " + plan.refusal());
        }
        List<Integer> seeds = plan.seeds();
        String backend = plan.machine().backend();
        ValidSubmission v = parsed(s);
        ReproductionRecord p = new ReproductionRecord();
        p.submission = s;
        p.requestedBy = requestedBy;
        p.requestedByTeam = team;
        p.requestedAt = Instant.now();
        p.backend = backend;
        p.seeds = ReproductionRecord.seedText(seeds);
        p.state = ReproductionRecord.QUEUED;
        p.persist();
        audit.reproduction(p, ReproductionRecord.QUEUED, "requested by " + requestedBy + ": re-run seeds " + seeds + " on the " + backend
                + " backend; " + plan.mode() + " check: " + plan.reason(), actor);
        List<SubmissionService.QueuedRun> runs = new ArrayList<>();
        for (int seed : seeds) {
            RunRecord r = SubmissionService.newRun(s, seed, RunRecord.REPRODUCTION, "queued", v);
            r.reproduction = p;
            r.reproduces = originals.get(seed);
            audit.created(r, "queued for reproduction #" + p.id + " (requested by " + requestedBy + ")", actor);
            runs.add(new SubmissionService.QueuedRun(r.id, r.jobId));
        }
        return new Accepted(p.id, runs);
    }

    /** The entry's finished (or imported) scoring runs, by seed: what re-runs are judged against. */
    public static Map<Integer, RunRecord> originals(long entryId) {
        Map<Integer, RunRecord> bySeed = new LinkedHashMap<>();
        for (RunRecord r : RunRecord.<RunRecord>list("submission.id = ?1 and purpose = 'score' and status in ('finished', 'imported')"
                + " order by seed", entryId)) {
            bySeed.put(r.seed, r);
        }
        return bySeed;
    }

    /**
     * The machine this service's workers re-run on: the requested simulator backend, networks on the CPU
     * ({@link ReproductionAsk#WORKER_NETWORKS}) with this process's libtorch and numerics (the workers run this jar and pin
     * them as it does), and the configured worker threads. Looked up once: it loads libtorch.
     */
    ReproductionPlanner.RerunMachine workers(String backend) {
        ReproductionPlanner.RerunMachine m = workers;
        if (m == null) {
            m = ReproductionPlanner.RerunMachine.here(backend, ReproductionAsk.WORKER_NETWORKS, workerThreads);
            workers = m;
        }
        return new ReproductionPlanner.RerunMachine(backend, m.numerics(), m.networks(), m.threads());
    }

    /** How re-runs of these seeds on this service's workers would be judged ({@link ReproductionPlanner}, alpha 0.05). */
    public ReproductionPlanner.Plan plan(List<Integer> seeds, String backend, Map<Integer, RunRecord> originals) {
        Map<Integer, RunManifest> manifests = new LinkedHashMap<>();
        originals.forEach((seed, r) -> manifests.put(seed, RunManifest.fromJson(r.resultJson)));
        return ReproductionPlanner.plan(manifests, seeds, StatisticalCheck.DEFAULT_ALPHA, workers(backend));
    }

    /** Why re-runs of some seeds could not be judged, and what a request may ask for instead. */
    public record Unjudgeable(String why, String allowed) {
    }

    /**
     * Null when the plan can be carried out, else why not (the planner's refusal) and what a request may ask for instead.
     * Said before hours of training, not after.
     *
     * @param own the plan for the entry's own seeds on the same workers, offered instead where it is bit-exact
     */
    public static Unjudgeable unjudgeable(ReproductionPlanner.Plan plan, ReproductionPlanner.Plan own) {
        if (!plan.refused()) {
            return null;
        }
        boolean tooMany = plan.seedsNeeded() > ReproductionAsk.MAX_SEEDS;
        String why = plan.refusal() + (tooMany ? "; a request may ask for at most " + ReproductionAsk.MAX_SEEDS : "");
        List<String> allowed = new ArrayList<>();
        if (plan.seedsNeeded() > 0 && !tooMany) {
            allowed.add("at least " + plan.seedsNeeded() + " seeds (at most " + ReproductionAsk.MAX_SEEDS + ")");
        }
        if (own.bitExact()) {
            allowed.add("only the entry's own seeds " + own.seeds());
        }
        return new Unjudgeable(why, allowed.isEmpty() ? "none: this service's workers cannot judge re-runs of this entry"
                : String.join(", or ", allowed));
    }

    private ValidSubmission parsed(SubmissionRecord s) {
        BenchmarkDefinition benchmark = benchmarks.find(s.benchmark);
        if (benchmark == null || !benchmark.tiers().containsKey(s.tier)) {
            throw ApiError.conflict("entry #" + s.id + "'s benchmark tier " + s.benchmark + "/" + s.tier + " is not known to this server");
        }
        Submission submission;
        try {
            submission = RecipeFiles.parseSubmission(s.configText, "submission #" + s.id);
        } catch (ConfigException e) {
            throw ApiError.conflict("entry #" + s.id + "'s config no longer parses: " + e.getMessage());
        }
        return new ValidSubmission(s.configText, submission, s.configHash, benchmark, benchmark.tier(s.tier),
                new SubmissionMetadata(null, null, null, null));
    }
}
