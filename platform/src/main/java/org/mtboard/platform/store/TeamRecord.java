package org.mtboard.platform.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A team: who submits, and its quotas. */
@Entity
@Table(name = "team")
public class TeamRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "is_admin")
    public boolean admin;
    @Column(name = "submissions_per_day")
    public int submissionsPerDay;
    @Column(name = "max_active_runs")
    public int maxActiveRuns;
    @Column(name = "created_at")
    public Instant createdAt;

    public static TeamRecord byName(String name) {
        return find("name", name).firstResult();
    }
}
