package io.peregrine.rules.management.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One version of the whole ruleset with a snapshot of every item (table {@code rules.ruleset_version}). */
@Entity
@Table(name = "ruleset_version")
public class VersionEntity extends PanacheEntityBase {

    @Id
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public int rules;

    @Column(nullable = false)
    public int macros;

    @Column(nullable = false)
    public int lists;

    /** JSON array of {kind, name, source, enabled}, in ruleset order. */
    @Column(nullable = false)
    public String snapshot;
}
