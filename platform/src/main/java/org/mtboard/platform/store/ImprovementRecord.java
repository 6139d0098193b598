package org.mtboard.platform.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** P(entry a improves on entry b) with its interval, stored once per pair with a < b. */
@Entity
@Table(name = "improvement")
@IdClass(ImprovementRecord.Key.class)
public class ImprovementRecord extends PanacheEntityBase {
    @Id
    @Column(name = "entry_a")
    public Long entryA;
    @Id
    @Column(name = "entry_b")
    public Long entryB;
    public double point;
    public double lo;
    public double hi;

    public static class Key implements Serializable {
        public Long entryA;
        public Long entryB;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(entryA, k.entryA) && Objects.equals(entryB, k.entryB);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryA, entryB);
        }
    }
}
