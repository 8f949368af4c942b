package io.fieldsales.cash.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What paid a receivable: a collection or a finance payment (table {@code allocation}). */
@Entity
@Table(name = "allocation")
public class AllocationRow extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "receivable_id")
    public UUID receivableId;
    @Column(name = "collection_id")
    public UUID collectionId;
    @Column(name = "payment_id")
    public UUID paymentId;
    public BigDecimal amount;
    @Column(name = "created_at")
    public Instant createdAt;
}
