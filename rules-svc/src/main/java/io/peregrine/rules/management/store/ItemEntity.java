package io.peregrine.rules.management.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One stored rule, macro or list (table {@code rules.item}). */
@Entity
@Table(name = "item")
@IdClass(ItemEntity.Key.class)
public class ItemEntity extends PanacheEntityBase {

    @Id
    public String kind;

    @Id
    public String name;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String definition;

    @Column(nullable = false)
    public boolean enabled;

    @Column(nullable = false)
    public long position;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The composite key (kind, name). */
    public static class Key implements Serializable {
        public String kind;
        public String name;

        public Key() {
        }

        public Key(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(kind, k.kind) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, name);
        }
    }
}
