package org.mtboard.platform.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How the re-executions of imported entries went, in one line per entry (board column "reproduction"). */
@ApplicationScoped
public class Reproductions {
    private final EntityManager em;

    public Reproductions(EntityManager em) {
        this.em = em;
    }

    public Map<Long, String> summaries(String benchmark, int version, String tier) {
        List<Object[]> rows = em.createQuery("select r.submission.id, r.status, r.checksum, o.checksum from RunRecord r join r.reproduces o"
                        + " where r.purpose = 'reproduction' and r.submission.benchmark = ?1 and r.submission.protocolVersion = ?2"
                        + " and r.submission.tier = ?3", Object[].class)
                .setParameter(1, benchmark).setParameter(2, version).setParameter(3, tier).getResultList();
        Map<Long, int[]> counts = new HashMap<>();
        for (Object[] row : rows) {
            int[] c = counts.computeIfAbsent((Long) row[0], k -> new int[4]); // same, different, pending, failed
            String status = (String) row[1];
            if ("finished".equals(status)) {
                c[row[2].equals(row[3]) ? 0 : 1]++;
            } else if ("failed".equals(status) || "cancelled".equals(status)) {
                c[3]++;
            } else {
                c[2]++;
            }
        }
        Map<Long, String> out = new HashMap<>();
        counts.forEach((id, c) -> out.put(id, summary(c)));
        return out;
    }

    static String summary(int[] c) {
        int total = c[0] + c[1] + c[2] + c[3];
        StringBuilder b = new StringBuilder();
        if (c[0] + c[1] > 0) {
            b.append(c[0]).append(" of ").append(total).append(" re-runs bit-identical");
            if (c[1] > 0) {
                b.append(", ").append(c[1]).append(" different checksum");
            }
        }
        if (c[2] > 0) {
            b.append(b.length() > 0 ? ", " : "").append(c[2]).append(" of ").append(total).append(" re-runs pending");
        }
        if (c[3] > 0) {
            b.append(b.length() > 0 ? ", " : "").append(c[3]).append(" failed");
        }
        return b.toString();
    }
}
