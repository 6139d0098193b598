package org.mtboard.platform.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A finished submission's statistics and its place on its board; computed on change, read per request. */
@Entity
@Table(name = "entry")
public class EntryRecord extends PanacheEntityBase {
    @Id
    @Column(name = "submission_id")
    public Long submissionId;
    public String benchmark;
    @Column(name = "protocol_version")
    public int protocolVersion;
    public String tier;
    @Column(name = "computed_at")
    public Instant computedAt;
    @Column(name = "seeds_done")
    public int seedsDone;
    @Column(name = "seeds_total")
    public int seedsTotal;
    public double mean;
    @Column(name = "mean_lo")
    public double meanLo;
    @Column(name = "mean_hi")
    public double meanHi;
    public double median;
    @Column(name = "median_lo")
    public double medianLo;
    @Column(name = "median_hi")
    public double medianHi;
    public double iqm;
    @Column(name = "iqm_lo")
    public double iqmLo;
    @Column(name = "iqm_hi")
    public double iqmHi;
    @Column(name = "optimality_gap")
    public double optimalityGap;
    @Column(name = "optimality_gap_lo")
    public double optimalityGapLo;
    @Column(name = "optimality_gap_hi")
    public double optimalityGapHi;
    @Column(name = "mean_return")
    public double meanReturn;
    public long frames;
    @Column(name = "wall_s")
    public double wallSeconds;
    @Column(name = "cpu_hours")
    public double cpuHours;
    @Column(name = "gpu_hours")
    public double gpuHours;
    public double fps;
    public Integer rank;
    @Column(name = "rank_tier")
    public Integer rankTier;
    @Column(name = "details_json")
    public String detailsJson;
}
