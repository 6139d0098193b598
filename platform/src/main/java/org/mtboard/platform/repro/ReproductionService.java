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
import org.mtboard.engine.recipe.BenchmarkDefinition;
import org.mtboard.engine.recipe.ConfigException;
import org.mtboard.engine.recipe.RecipeFiles;
import org.mtboard.engine.recipe.Submission;
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

    public ReproductionService(EntityManager em, Quotas quotas, Audit audit, Benchmarks benchmarks) {
        this.em = em;
        this.quotas = quotas;
        this.audit = audit;
        this.benchmarks = benchmarks;
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
        requireEnoughForStatistics(seeds, originals);
        ReproductionRecord active = ReproductionRecord.find("submission.id = ?1 and state in ('queued', 'running') order by id",
                entryId).firstResult();
        if (active != null) {
            throw ApiError.conflict("reproduction #" + active.id + " of entry #" + entryId + " is " + active.state
                    + "; ask again when it has ended (GET /api/entries/" + entryId + "/reproductions/" + active.id + ")");
        }
        TeamRecord team = quotas.reserveRuns(caller.teamId(), seeds.size());
        return queue(s, team.name, team, seeds, ask.backend(), originals, "team:" + team.name);
    }

    /**
     * Stores a request and its queued runs (also the service's own re-execution of an imported baseline, whose
     * originals are the imported runs).
     *
     * @param originals the entry's finished scored runs by seed; a re-run of one of these seeds points at it
     */
    public Accepted queue(SubmissionRecord s, String requestedBy, TeamRecord team, List<Integer> seeds, String backend,
                          Map<Integer, RunRecord> originals, String actor) {
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
        boolean bitExact = statisticalBecause(seeds, originals) == null;
        audit.reproduction(p, ReproductionRecord.QUEUED, "requested by " + requestedBy + ": re-run seeds " + seeds + " on the " + backend
                + " backend" + (bitExact ? "" : " (not all of them the entry's own, so judged statistically)"), actor);
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
     * Why re-runs of these seeds could only be judged statistically, or null when every one can be judged bit for bit: a
     * seed the entry was not scored on, an original trained before the numerics were pinned (the workers pin them, so
     * their re-runs cannot match its bits), or one whose networks trained on a GPU (the workers train them on the CPU).
     */
    static String statisticalBecause(List<Integer> seeds, Map<Integer, RunRecord> originals) {
        List<Integer> others = seeds.stream().filter(x -> !originals.containsKey(x)).toList();
        if (!others.isEmpty()) {
            return "seeds " + others + " are not the entry's own " + originals.keySet();
        }
        List<Integer> onGpu = seeds.stream()
                .filter(x -> !RunManifest.fromJson(originals.get(x).resultJson).networks().device().equals("cpu")).toList();
        if (!onGpu.isEmpty()) {
            return "seeds " + onGpu + " trained their networks on a GPU, and this service's workers train them on the CPU";
        }
        List<Integer> unpinned = seeds.stream().filter(x -> !RunManifest.fromJson(originals.get(x).resultJson).numerics().pinned()).toList();
        return unpinned.isEmpty() ? null : "seeds " + unpinned + " were trained before libtorch's CPU numerics were pinned, so a"
                + " pinned worker cannot match them bit for bit";
    }

    /** Why re-runs of some seeds could not be judged, and what a request may ask for instead. */
    public record Unjudgeable(String why, String allowed) {
    }

    /**
     * Null when re-runs of these seeds can be judged, else why not: a statistical check (see {@link #statisticalBecause})
     * of too few re-runs could not refuse whatever the scores. Said before hours of training, not after.
     */
    public static Unjudgeable unjudgeable(List<Integer> seeds, Map<Integer, RunRecord> originals) {
        String because = statisticalBecause(seeds, originals);
        if (because == null) {
            return null;
        }
        String own = "the entry's own seeds " + originals.keySet();
        int needed;
        try {
            needed = StatisticalCheck.rerunsNeeded(originals.size(), StatisticalCheck.DEFAULT_ALPHA);
        } catch (IllegalArgumentException e) {
            return new Unjudgeable(e.getMessage(), own);
        }
        String why = because + ", so the re-runs are judged statistically, and a statistical check of " + originals.size()
                + " original runs needs at least " + needed + " re-run seeds";
        if (needed > ReproductionAsk.MAX_SEEDS) {
            return new Unjudgeable(why + ", more than the " + ReproductionAsk.MAX_SEEDS + " a request may ask for", own);
        }
        return seeds.size() >= needed ? null : new Unjudgeable(why + "; got " + seeds.size(),
                "at least " + needed + " seeds (at most " + ReproductionAsk.MAX_SEEDS + "), or only " + own);
    }

    private static void requireEnoughForStatistics(List<Integer> seeds, Map<Integer, RunRecord> originals) {
        Unjudgeable u = unjudgeable(seeds, originals);
        if (u != null) {
            throw ApiError.badField("seeds", u.why(), u.allowed());
        }
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
