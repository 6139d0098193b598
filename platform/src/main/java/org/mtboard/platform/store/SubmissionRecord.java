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
import org.mtboard.engine.recipe.Submission;

/** A submitted (or imported) config for one benchmark, protocol version and tier. */
@Entity
@Table(name = "submission")
public class SubmissionRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    public TeamRecord team;
    @Column(name = "config_text")
    public String configText;
    @Column(name = "config_hash")
    public String configHash;
    public String benchmark;
    @Column(name = "protocol_version")
    public int protocolVersion;
    public String tier;
    public String method;
    public String algorithm;
    /** The network in a few words (NetworkConfig.label) and its MTRL scheme (NetworkConfig.schemeLabel). */
    public String network;
    public String scheme;
    public String description;
    @Column(name = "paper_url")
    public String paperUrl;
    @Column(name = "code_url")
    public String codeUrl;
    public String status;
    public String origin;
    public boolean hidden;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The board's labels of a parsed config: algorithm, network and scheme, each as the engine names it. */
    public void labelFrom(Submission parsed) {
        algorithm = parsed.algorithm().label();
        network = parsed.network().label();
        scheme = parsed.network().schemeLabel();
    }
}
