package io.peregrine.notify.config;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One output declared over the REST API; {@link #spec} is the JSON of its {@code OutputSpec}. */
@Entity
@Table(name = "notify_output")
public class OutputEntity extends PanacheEntityBase {

    @Id
    public String name;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String spec;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Never prints the declaration: it holds secrets. */
    @Override
    public String toString() {
        return "OutputEntity[" + name + " " + type + "]";
    }
}
