package org.mtboard.platform.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A request to re-run an entry on some seeds, and (once its runs have ended) the verdict. */
@Entity
@Table(name = "reproduction")
public class ReproductionRecord extends PanacheEntityBase {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    /** Who asks when the service re-runs an imported baseline by itself. */
    public static final String SERVICE = "mtboard";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "submission_id")
    public SubmissionRecord submission;
    @Column(name = "requested_by")
    public String requestedBy;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "requested_by_team_id")
    public TeamRecord requestedByTeam;
    @Column(name = "requested_at")
    public Instant requestedAt;
    public String backend;
    public String seeds;
    public String state;
    public String outcome;
    public String mode;
    public String summary;
    @Column(name = "verdict_json")
    public String verdictJson;
    public String error;
    @Column(name = "finished_at")
    public Instant finishedAt;

    public List<Integer> seedList() {
        return Arrays.stream(seeds.split(",")).map(Integer::valueOf).toList();
    }

    public static String seedText(List<Integer> seeds) {
        return seeds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public boolean ended() {
        return DONE.equals(state) || FAILED.equals(state);
    }
}
