package org.mtboard.platform.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each entry's reproduction badge on one board (the board's "reproduction" column), in one query. */
@ApplicationScoped
public class Reproductions {
    private final EntityManager em;

    public Reproductions(EntityManager em) {
        this.em = em;
    }

    /** Entry id to the outcome of its latest judged request; entries absent from the map are "not checked". */
    public Map<Long, String> badges(String benchmark, int version, String tier) {
        List<Object[]> rows = em.createQuery("select p.submission.id, p.outcome from ReproductionRecord p where p.state = 'done'"
                        + " and p.submission.benchmark = ?1 and p.submission.protocolVersion = ?2 and p.submission.tier = ?3"
                        + " order by p.finishedAt, p.id", Object[].class)
                .setParameter(1, benchmark).setParameter(2, version).setParameter(3, tier).getResultList();
        Map<Long, String> out = new HashMap<>();
        for (Object[] row : rows) {
            out.put((Long) row[0], (String) row[1]); // later verdicts replace earlier ones: the latest decides
        }
        return out;
    }
}
