package io.peregrine.rules.management.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row holding the stored ruleset's version; every write locks it (table {@code rules.head}). */
@Entity
@Table(name = "head")
public class HeadEntity extends PanacheEntityBase {

    @Id
    public int id;

    @Column(nullable = false)
    public long version;
}
