package org.mtboard.platform.submit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Where a queued run stands: 1 + the queued runs ahead of it (first come, first served). */
@ApplicationScoped
public class QueuePositions {
    private final EntityManager em;

    public QueuePositions(EntityManager em) {
        this.em = em;
    }

    /** Position of the submission's first queued run, or null when none of its runs waits. */
    public Integer ofSubmission(long submissionId) {
        Long first = em.createQuery("select min(r.id) from RunRecord r where r.submission.id = :s and r.status = 'queued'", Long.class)
                .setParameter("s", submissionId).getSingleResult();
        return first == null ? null : ofRun(first);
    }

    public int ofRun(long runId) {
        long ahead = em.createQuery("select count(r) from RunRecord r where r.status = 'queued' and r.id < :id", Long.class)
                .setParameter("id", runId).getSingleResult();
        return (int) ahead + 1;
    }
}
