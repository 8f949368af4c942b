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

/** Cash leaving a drawer (expenses, cash refunds) (table {@code payout}). */
@Entity
@Table(name = "payout")
public class Payout extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "session_id")
    public UUID sessionId;
    public BigDecimal amount;
    public String currency;
    public String reason;
    @Column(name = "refund_id")
    public UUID refundId;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
