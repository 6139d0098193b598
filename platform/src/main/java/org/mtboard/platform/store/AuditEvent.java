package org.mtboard.platform.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One status change and why; the table refuses updates and deletes. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    @Column(name = "submission_id")
    public Long submissionId;
    @Column(name = "run_id")
    public Long runId;
    public Integer seed;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status")
    public String toStatus;
    public String reason;
    public String actor;

    public static List<AuditEvent> ofSubmission(long submissionId) {
        return list("submissionId = ?1 order by id", submissionId);
    }
}
