package org.mtboard.platform.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One board (benchmark, protocol version, tier): when it was last ranked, and a version that changes with it. */
@Entity
@Table(name = "board")
public class BoardRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String benchmark;
    @Column(name = "protocol_version")
    public int protocolVersion;
    public String tier;
    @Column(name = "computed_at")
    public Instant computedAt;
    public long version;
    public int entries;

    public static BoardRecord of(String benchmark, int protocolVersion, String tier) {
        return find("benchmark = ?1 and protocolVersion = ?2 and tier = ?3", benchmark, protocolVersion, tier).firstResult();
    }
}
