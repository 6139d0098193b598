package org.mtboard.platform.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
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
import java.util.List;
import java.util.UUID;

/** One seed of a submission (purpose score), or a re-execution of one for a reproduction request (purpose reproduction). */
@Entity
@Table(name = "run")
public class RunRecord extends PanacheEntityBase {
    public static final String SCORE = "score";
    public static final String REPRODUCTION = "reproduction";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "submission_id")
    public SubmissionRecord submission;
    public int seed;
    public String purpose;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reproduces_run_id")
    public RunRecord reproduces;
    /** The request this re-run belongs to (purpose reproduction only). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reproduction_id")
    public ReproductionRecord reproduction;
    public String status;
    public int attempts;
    public String worker;
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public int epoch;
    @Column(name = "epochs_total")
    public int epochsTotal;
    public long frames;
    @Column(name = "frames_total")
    public long framesTotal;
    @Column(name = "success_rate")
    public Double successRate;
    @Column(name = "eta_s")
    public Double etaSeconds;
    // Loaded only when a worker resumes: a checkpoint is megabytes.
    @Basic(fetch = FetchType.LAZY)
    public byte[] checkpoint;
    @Column(name = "checkpoint_epoch")
    public Integer checkpointEpoch;
    @Column(name = "checkpoint_at")
    public Instant checkpointAt;
    @Column(name = "curve_csv")
    public String curveCsv;
    @Column(name = "log_tail")
    public String logTail;
    @Column(name = "result_json")
    public String resultJson;
    @Column(name = "mean_success")
    public Double meanSuccess;
    public String checksum;
    public String error;
    @Column(name = "lost_to_infrastructure")
    public boolean lostToInfrastructure;
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    @Column(name = "job_id")
    public UUID jobId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** For a re-run: whether its checksum equals its original's; null while either is unknown (running, or no original). */
    public Boolean sameChecksumAsOriginal() {
        return reproduces == null || checksum == null || reproduces.checksum == null ? null : checksum.equals(reproduces.checksum);
    }

    public static List<RunRecord> ofSubmission(long submissionId) {
        return list("submission.id = ?1 order by purpose desc, seed", submissionId);
    }
}
