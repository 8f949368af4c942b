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

/** Money a rep collected in a session (table {@code collection}). */
@Entity
@Table(name = "collection")
public class CashCollection extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "owner_id")
    public String ownerId;
    public BigDecimal amount;
    public String currency;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public PaymentMethod method;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "customer_id")
    public UUID customerId;
    public String reference;
    @Column(name = "allocated_amount")
    public BigDecimal allocatedAmount = BigDecimal.ZERO;
    @Column(name = "created_at")
    public Instant createdAt;
}
