package io.peregrine.rules.management.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change of one item, or of the whole ruleset (table {@code rules.audit}). */
@Entity
@Table(name = "audit")
public class AuditEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    /** create, update, delete, enable, disable, import, rollback. */
    @Column(nullable = false)
    public String action;

    public String kind;

    public String name;

    @Column(name = "ruleset_version", nullable = false)
    public long rulesetVersion;

    @Column(name = "before_source")
    public String beforeSource;

    @Column(name = "after_source")
    public String afterSource;
}
