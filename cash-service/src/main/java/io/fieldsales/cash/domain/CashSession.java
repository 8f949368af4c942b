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

/** A rep's or cashier's cash drawer from opening to the bank's confirmation (table {@code cash_session}). */
@Entity
@Table(name = "cash_session")
public class CashSession extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;
    @Column(name = "owner_id", nullable = false, updatable = false)
    public String ownerId;
    public String location;
    @Column(name = "device_id")
    public String deviceId;
    public String currency;
    @Column(name = "opening_float")
    public BigDecimal openingFloat;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public SessionStatus status;
    @Column(name = "cash_total")
    public BigDecimal cashTotal = BigDecimal.ZERO;
    @Column(name = "cheque_total")
    public BigDecimal chequeTotal = BigDecimal.ZERO;
    @Column(name = "mobile_money_total")
    public BigDecimal mobileMoneyTotal = BigDecimal.ZERO;
    @Column(name = "card_total")
    public BigDecimal cardTotal = BigDecimal.ZERO;
    @Column(name = "payouts_total")
    public BigDecimal payoutsTotal = BigDecimal.ZERO;
    @Column(name = "collections_count")
    public int collectionsCount;
    @Column(name = "counted_cash")
    public BigDecimal countedCash;
    @Column(name = "expected_cash")
    public BigDecimal expectedCash;
    public BigDecimal variance;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "variance_tier")
    public VarianceTier varianceTier;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "approval_step")
    public ApprovalStep approvalStep;
    @Column(name = "latest_count_id")
    public UUID latestCountId;
    @Column(name = "shortage_receivable_id")
    public UUID shortageReceivableId;
    @Column(name = "deposit_id")
    public UUID depositId;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The running totals as a ledger. */
    public CashLedger ledger() {
        java.util.Map<PaymentMethod, BigDecimal> totals = new java.util.EnumMap<>(PaymentMethod.class);
        totals.put(PaymentMethod.CASH, cashTotal);
        totals.put(PaymentMethod.CHEQUE, chequeTotal);
        totals.put(PaymentMethod.MOBILE_MONEY, mobileMoneyTotal);
        totals.put(PaymentMethod.CARD, cardTotal);
        return CashLedger.of(openingFloat, totals, payoutsTotal);
    }

    /** Adds a collection to the running totals. */
    public void addCollection(PaymentMethod method, BigDecimal amount) {
        switch (method) {
            case CASH -> cashTotal = cashTotal.add(amount);
            case CHEQUE -> chequeTotal = chequeTotal.add(amount);
            case MOBILE_MONEY -> mobileMoneyTotal = mobileMoneyTotal.add(amount);
            case CARD -> cardTotal = cardTotal.add(amount);
        }
        collectionsCount++;
    }
}
