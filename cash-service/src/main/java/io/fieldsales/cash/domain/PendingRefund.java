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

/** A CASH refund waiting for its rep to open a session (table {@code pending_refund}). */
@Entity
@Table(name = "pending_refund")
public class PendingRefund extends PanacheEntityBase {

    @Id
    @Column(name = "refund_id")
    public UUID refundId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "rep_id")
    public String repId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "credit_note_id")
    public UUID creditNoteId;
    public BigDecimal amount;
    public String currency;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "applied_payout_id")
    public UUID appliedPayoutId;
    @Column(name = "applied_at")
    public Instant appliedAt;
}
