package org.mtboard.platform.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.mtboard.engine.run.CurveTable;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.engine.stats.BootstrapSettings;
import org.mtboard.engine.stats.EntryStatistics;
import org.mtboard.engine.stats.ImprovementEstimates;
import org.mtboard.engine.stats.IntervalEstimate;
import org.mtboard.engine.stats.RankTiers;
import org.mtboard.engine.stats.ScoreMatrix;
import org.mtboard.platform.store.Audit;
import org.mtboard.platform.store.BoardRecord;
import org.mtboard.platform.store.EntryRecord;
import org.mtboard.platform.store.ImprovementRecord;
import org.mtboard.platform.store.RunRecord;
import org.mtboard.platform.store.SubmissionRecord;

/**
 * Computes an entry's statistics when its last seed finishes, and re-ranks its board; both are
 * stored, so reading a board never computes anything. Entries are ranked only against the same
 * benchmark, protocol version and tier.
 */
@ApplicationScoped
public class Scoreboard {
    private static final Logger LOG = Logger.getLogger(Scoreboard.class);
    /** Replicates for an entry's own intervals: rliable's default. */
    public static final int ENTRY_REPS = 50_000;
    /**
     * Replicates for each pairwise probability of improvement. A new entry is compared with every
     * other entry of its board, so the cost grows with the board; 10,000 keeps a 1,000-entry board's
     * update to seconds while the interval's Monte Carlo error stays under 0.005.
     */
    public static final int IMPROVEMENT_REPS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final Audit audit;
    private final org.mtboard.platform.submit.Benchmarks benchmarks;

    public Scoreboard(EntityManager em, Audit audit, org.mtboard.platform.submit.Benchmarks benchmarks) {
        this.em = em;
        this.audit = audit;
        this.benchmarks = benchmarks;
    }

    /** The submission's entry, then its board, in one transaction. */
    @Transactional
    public void submissionFinished(long submissionId, String actor) {
        long start = System.nanoTime();
        computeEntry(submissionId);
        rankBoard(submissionId, true);
        SubmissionRecord s = em.find(SubmissionRecord.class, submissionId, LockModeType.PESSIMISTIC_WRITE);
        EntryRecord e = EntryRecord.findById(submissionId);
        String scored = String.format(java.util.Locale.ROOT, "scored: mean success rate %.3f [%.3f, %.3f], IQM %.3f; rank %s (tier %s) of %d on %s/%s",
                e.mean, e.meanLo, e.meanHi, e.iqm, e.rank, e.rankTier, BoardRecord.of(s.benchmark, s.protocolVersion, s.tier).entries,
                s.benchmark, s.tier);
        if ("running".equals(s.status)) {
            s.finishedAt = Instant.now();
            audit.submission(s, "finished", scored, actor);
        }
        LOG.infof("entry #%d %s (%.1f s)", submissionId, scored, (System.nanoTime() - start) / 1e9);
    }

    @Transactional
    public void computeEntry(long submissionId) {
        SubmissionRecord s = SubmissionRecord.findById(submissionId);
        List<RunRecord> runs = RunRecord.list("submission.id = ?1 and purpose = 'score' and status in ('finished', 'imported') order by seed",
                submissionId);
        List<RunManifest> manifests = runs.stream().map(r -> RunManifest.fromJson(r.resultJson)).toList();
        // Each curve parsed once: the pooled curve needs every seed's, each seed shows its own where it has one.
        List<CurveTable> parsed = runs.stream().map(r -> r.curveCsv == null ? null : CurveTable.parse(r.curveCsv)).toList();
        List<CurveTable> curves = parsed.contains(null) ? List.of() : parsed;
        BootstrapSettings settings = BootstrapSettings.defaults(submissionId).withReps(ENTRY_REPS);
        EntryStatistics.Report report = EntryStatistics.compute(manifests, curves, settings);
        EntryRecord e = EntryRecord.findById(submissionId);
        if (e == null) {
            e = new EntryRecord();
            e.submissionId = submissionId;
        }
        e.benchmark = s.benchmark;
        e.protocolVersion = s.protocolVersion;
        e.tier = s.tier;
        e.computedAt = Instant.now();
        e.seedsDone = runs.size();
        // The tier's frozen seeds, not the runs stored: an imported set may hold only some of them.
        var benchmark = benchmarks.find(s.benchmark);
        e.seedsTotal = benchmark != null && benchmark.tiers().containsKey(s.tier) ? benchmark.tier(s.tier).seeds().size()
                : (int) RunRecord.count("submission.id = ?1 and purpose = 'score'", submissionId);
        Map<String, IntervalEstimate> a = report.aggregates().stream().collect(Collectors.toMap(IntervalEstimate::metric, x -> x));
        e.mean = a.get("mean").point();
        e.meanLo = a.get("mean").ciLow();
        e.meanHi = a.get("mean").ciHigh();
        e.median = a.get("median").point();
        e.medianLo = a.get("median").ciLow();
        e.medianHi = a.get("median").ciHigh();
        e.iqm = a.get("iqm").point();
        e.iqmLo = a.get("iqm").ciLow();
        e.iqmHi = a.get("iqm").ciHigh();
        e.optimalityGap = a.get("optimality_gap").point();
        e.optimalityGapLo = a.get("optimality_gap").ciLow();
        e.optimalityGapHi = a.get("optimality_gap").ciHigh();
        e.meanReturn = report.meanReturn();
        e.frames = manifests.stream().mapToLong(RunManifest::frames).max().orElse(0);
        e.wallSeconds = manifests.stream().mapToDouble(RunManifest::wallSeconds).average().orElse(0);
        // a run that used the GPU for its simulator or its networks counts as GPU time
        e.cpuHours = manifests.stream().filter(Scoreboard::cpuOnly).mapToDouble(RunManifest::wallSeconds).sum() / 3600;
        e.gpuHours = manifests.stream().filter(m -> !cpuOnly(m)).mapToDouble(RunManifest::wallSeconds).sum() / 3600;
        e.fps = manifests.stream().mapToDouble(RunManifest::fps).average().orElse(0);
        List<EntryDetails.Seed> seeds = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            RunRecord r = runs.get(k);
            seeds.add(new EntryDetails.Seed(r.seed, r.id, r.meanSuccess, r.checksum, r.resultJson,
                    parsed.get(k) == null ? null : EntryStatistics.seedCurve(parsed.get(k))));
        }
        e.detailsJson = json(new EntryDetails(report.aggregates(), report.perTask(), report.profile(), report.curve(), seeds));
        e.persist();
    }

    /**
     * Re-ranks the board of this submission (rank tiers on the mean's interval) and, when asked,
     * compares this entry with every other entry of the board. Serialised per board by a row lock.
     */
    @Transactional
    public void rankBoard(long submissionId, boolean compare) {
        SubmissionRecord s = SubmissionRecord.findById(submissionId);
        BoardRecord board = lockBoard(s.benchmark, s.protocolVersion, s.tier);
        // Hidden entries lose their place first (a bulk update), then the visible ones are loaded and ranked.
        em.createQuery("update EntryRecord e set e.rank = null, e.rankTier = null where e.benchmark = ?1 and e.protocolVersion = ?2"
                        + " and e.tier = ?3 and e.submissionId in (select s.id from SubmissionRecord s where s.hidden = true)")
                .setParameter(1, s.benchmark).setParameter(2, s.protocolVersion).setParameter(3, s.tier).executeUpdate();
        List<EntryRecord> entries = EntryRecord.find("select e from EntryRecord e, SubmissionRecord s where s.id = e.submissionId"
                + " and e.benchmark = ?1 and e.protocolVersion = ?2 and e.tier = ?3 and s.hidden = false order by e.submissionId",
                s.benchmark, s.protocolVersion, s.tier).list();
        // Zero-padded ids, so that ties in the mean are broken by submission order (earlier first).
        List<String> names = entries.stream().map(x -> String.format("%019d", x.submissionId)).toList();
        List<IntervalEstimate> means = entries.stream().map(x -> new IntervalEstimate("mean", null, null, x.mean, x.meanLo, x.meanHi,
                "percentile", 0.95, ENTRY_REPS, false, x.submissionId, x.seedsDone, 0)).toList();
        for (RankTiers.Ranked r : RankTiers.assign(names, means, true)) {
            EntryRecord e = entries.get(names.indexOf(r.name()));
            e.rank = r.position();
            e.rankTier = r.tier();
        }
        EntryRecord self = EntryRecord.findById(submissionId);
        if (compare && self != null) {
            compareWithBoard(self, entries);
        }
        board.entries = entries.size();
        board.computedAt = Instant.now();
        board.version++;
    }

    /** Something shown on the board changed without a re-rank (a reproduction finished): readers re-render it. */
    @Transactional
    public void touch(long submissionId) {
        SubmissionRecord s = SubmissionRecord.findById(submissionId);
        BoardRecord board = lockBoard(s.benchmark, s.protocolVersion, s.tier);
        board.version++;
    }

    private void compareWithBoard(EntryRecord self, List<EntryRecord> entries) {
        em.createQuery("delete from ImprovementRecord i where i.entryA = ?1 or i.entryB = ?1").setParameter(1, self.submissionId).executeUpdate();
        ScoreMatrix mine = scores(self);
        for (EntryRecord other : entries) {
            if (other.submissionId.equals(self.submissionId)) {
                continue;
            }
            boolean selfFirst = self.submissionId < other.submissionId;
            EntryRecord a = selfFirst ? self : other;
            EntryRecord b = selfFirst ? other : self;
            ScoreMatrix sa = selfFirst ? mine : scores(other);
            ScoreMatrix sb = selfFirst ? scores(other) : mine;
            BootstrapSettings settings = BootstrapSettings.defaults(a.submissionId * 1_000_003L + b.submissionId)
                    .withReps(IMPROVEMENT_REPS).withThreads(1);
            IntervalEstimate p = ImprovementEstimates.compute(sa, sb, settings).overall();
            ImprovementRecord i = new ImprovementRecord();
            i.entryA = a.submissionId;
            i.entryB = b.submissionId;
            i.point = p.point();
            i.lo = p.ciLow();
            i.hi = p.ciHigh();
            i.persist();
        }
    }

    private BoardRecord lockBoard(String benchmark, int version, String tier) {
        BoardRecord b = BoardRecord.of(benchmark, version, tier);
        if (b == null) {
            em.createNativeQuery("insert into board (benchmark, protocol_version, tier, computed_at, version, entries)"
                            + " values (?1, ?2, ?3, now(), 0, 0) on conflict do nothing")
                    .setParameter(1, benchmark).setParameter(2, version).setParameter(3, tier).executeUpdate();
            b = BoardRecord.of(benchmark, version, tier);
        }
        return em.find(BoardRecord.class, b.id, LockModeType.PESSIMISTIC_WRITE);
    }

    static ScoreMatrix scores(EntryRecord e) {
        EntryDetails d = details(e);
        return EntryStatistics.scores(d.seeds().stream().map(x -> RunManifest.fromJson(x.manifestJson())).toList());
    }

    public static EntryDetails details(EntryRecord e) {
        try {
            return JSON.readValue(e.detailsJson, EntryDetails.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("entry #" + e.submissionId + " has unreadable details", ex);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean cpuOnly(RunManifest m) {
        return "cpu".equals(m.backend()) && "cpu".equals(m.networks().device());
    }
}
