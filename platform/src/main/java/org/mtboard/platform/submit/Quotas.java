package org.mtboard.platform.submit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.mtboard.platform.api.ApiError;
import org.mtboard.platform.store.TeamRecord;

/**
 * Per-team quotas, checked under a lock on the team's row so that concurrent submissions from one
 * team are counted one after another and can never overshoot. Runs and submissions lost to the
 * infrastructure (not the config) do not count. Re-runs a team asks for (reproductions) count as its active runs.
 */
@ApplicationScoped
public class Quotas {
    private final EntityManager em;

    public Quotas(EntityManager em) {
        this.em = em;
    }

    /** Locks the team until the caller's transaction ends and throws 429 if newRuns would overshoot. */
    public TeamRecord reserve(long teamId, int newRuns) {
        TeamRecord team = em.find(TeamRecord.class, teamId, LockModeType.PESSIMISTIC_WRITE);
        Instant dayStart = dayStart();
        long today = submissionsSince(teamId, dayStart);
        if (today >= team.submissionsPerDay) {
            Instant reset = dayStart.plus(Duration.ofDays(1));
            throw ApiError.overQuota("team " + team.name + " has made " + today + " of its " + team.submissionsPerDay
                    + " submissions for today (UTC); the count resets at " + reset, reset.toString(),
                    Duration.between(Instant.now(), reset).toSeconds());
        }
        checkActive(team, newRuns, "submission");
        return team;
    }

    /**
     * For a reproduction request: locks the team like {@link #reserve} and throws 429 if its runs would overshoot the
     * active-run quota. Requests are not submissions, so the daily submission count does not apply; the active-run
     * quota bounds what a team can keep the workers busy with.
     */
    public TeamRecord reserveRuns(long teamId, int newRuns) {
        TeamRecord team = em.find(TeamRecord.class, teamId, LockModeType.PESSIMISTIC_WRITE);
        checkActive(team, newRuns, "reproduction");
        return team;
    }

    private void checkActive(TeamRecord team, int newRuns, String what) {
        long active = activeRuns(team.id);
        if (active + newRuns > team.maxActiveRuns) {
            throw ApiError.overQuota("team " + team.name + " has " + active + " runs queued or running and may have at most "
                    + team.maxActiveRuns + "; this " + what + " adds " + newRuns + ". The count goes down as runs end", null, 60);
        }
    }

    /** The start of today (UTC), when the daily count began. */
    public static Instant dayStart() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public long submissionsSince(long teamId, Instant since) {
        return em.createQuery("select count(s) from SubmissionRecord s where s.team.id = :team and s.createdAt >= :since"
                        + " and s.origin is null and not (s.status = 'failed' and exists (select r from RunRecord r"
                        + " where r.submission = s and r.lostToInfrastructure = true))", Long.class)
                .setParameter("team", teamId).setParameter("since", since).getSingleResult();
    }

    /** The team's own scoring runs, and the re-runs it asked for, that are queued or running. */
    public long activeRuns(long teamId) {
        return em.createQuery("select count(r) from RunRecord r join r.submission s left join r.reproduction p"
                        + " where r.status in ('queued', 'running') and ((r.purpose = 'score' and s.team.id = :team)"
                        + " or (r.purpose = 'reproduction' and p.requestedByTeam.id = :team))", Long.class)
                .setParameter("team", teamId).getSingleResult();
    }
}
