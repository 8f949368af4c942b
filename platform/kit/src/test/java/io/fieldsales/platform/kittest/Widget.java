package io.fieldsales.platform.kittest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A minimal aggregate the kit's tests change to exercise the outbox, idempotency and errors. */
@Entity
@Table(name = "widget")
public class Widget extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;
    @Column(nullable = false)
    public String name;
    @Version
    public long version;
}
