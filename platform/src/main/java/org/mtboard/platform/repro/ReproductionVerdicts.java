package org.mtboard.platform.repro;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.mtboard.engine.repro.ReproductionVerdict;
import org.mtboard.engine.repro.StatisticalCheck;
import org.mtboard.engine.run.RunManifest;
import org.mtboard.platform.board.Scoreboard;
import org.mtboard.platform.store.Audit;
import org.mtboard.platform.store.ReproductionRecord;
import org.mtboard.platform.store.RunRecord;

/**
 * Ends a reproduction request once none of its runs is queued or running: the engine's verdict
 * ({@link ReproductionVerdict#judge}) against the entry's scored runs when every re-run finished;
 * failed, with the reason and no verdict, when one did not (so a broken worker never earns an entry
 * "not reproduced"). A worker calls it after each re-run ends; the periodic sweep calls it for
 * requests whose last run ended without one (a worker killed in between, a job the queue gave up on).
 */
@ApplicationScoped
public class ReproductionVerdicts {
    private static final Logger LOG = Logger.getLogger(ReproductionVerdicts.class);
    private final EntityManager em;
    private final Audit audit;
    private final Scoreboard scoreboard;

    public ReproductionVerdicts(EntityManager em, Audit audit, Scoreboard scoreboard) {
        this.em = em;
        this.audit = audit;
        this.scoreboard = scoreboard;
    }

    /** Judges the request if its runs have all ended; returns whether it ended now. */
    @Transactional
    public boolean settle(long reproductionId, String actor) {
        // Locked: two workers ending the last two runs at once judge the request once.
        ReproductionRecord p = em.find(ReproductionRecord.class, reproductionId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || p.ended()) {
            return false;
        }
        List<RunRecord> runs = RunRecord.list("reproduction.id = ?1 order by seed", reproductionId);
        if (runs.isEmpty() || runs.stream().anyMatch(r -> "queued".equals(r.status) || "running".equals(r.status))) {
            return false;
        }
        List<RunRecord> unfinished = runs.stream().filter(r -> !"finished".equals(r.status)).toList();
        if (!unfinished.isEmpty()) {
            RunRecord r = unfinished.get(0);
            fail(p, unfinished.size() + " of " + runs.size() + " re-runs did not finish (seed " + r.seed + " " + r.status
                    + (r.error == null ? "" : ": " + r.error) + "); no verdict", actor);
            return true;
        }
        List<RunManifest> originals = ReproductionService.originals(p.submission.id).values().stream()
                .map(r -> RunManifest.fromJson(r.resultJson)).toList();
        List<RunManifest> reruns = runs.stream().map(r -> RunManifest.fromJson(r.resultJson)).toList();
        ReproductionVerdict v;
        try {
            v = ReproductionVerdict.judge(originals, reruns, StatisticalCheck.DEFAULT_ALPHA);
        } catch (IllegalArgumentException e) {
            // E.g. the re-runs landed on a machine that cannot match bit for bit, and the entry's own seeds are too few to
            // judge statistically: no verdict rather than a wrong one.
            fail(p, "the re-runs finished but cannot be judged: " + e.getMessage(), actor);
            return true;
        }
        p.outcome = v.outcome().label;
        p.mode = v.mode();
        p.summary = v.summary();
        p.verdictJson = v.toJson();
        p.finishedAt = Instant.now();
        audit.reproduction(p, ReproductionRecord.DONE, v.outcome().label + " (" + v.mode() + "): " + v.summary(), actor);
        // The board's reproduction column shows the badge: its readers re-render.
        scoreboard.touch(p.submission.id);
        LOG.infof("reproduction #%d of entry #%d: %s", p.id, p.submission.id, v.outcome().label);
        return true;
    }

    /** Every request whose runs have all ended but that has no verdict yet; returns how many ended. */
    public int settleAll(String actor) {
        // Each request in its own transaction (programmatic: a call from this bean to itself would bypass its interceptors),
        // so one that cannot be judged does not hold back the others.
        List<Long> ids = QuarkusTransaction.requiringNew().call(this::unsettled);
        int ended = 0;
        for (long id : ids) {
            try {
                ended += QuarkusTransaction.requiringNew().call(() -> settle(id, actor)) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not settle reproduction #%d", id);
            }
        }
        return ended;
    }

    private List<Long> unsettled() {
        return em.createQuery("select p.id from ReproductionRecord p where p.state in ('queued', 'running') and not exists"
                + " (select r from RunRecord r where r.reproduction = p and r.status in ('queued', 'running'))", Long.class).getResultList();
    }

    private void fail(ReproductionRecord p, String why, String actor) {
        p.error = why;
        p.finishedAt = Instant.now();
        audit.reproduction(p, ReproductionRecord.FAILED, why, actor);
        scoreboard.touch(p.submission.id);
    }
}
