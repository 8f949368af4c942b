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

/** What a customer (a delivered order) or a rep (an approved shortage) owes (table {@code receivable}). */
@Entity
@Table(name = "receivable")
public class Receivable extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String kind;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "rep_id")
    public String repId;
    public String location;
    @Column(name = "cash_session_id")
    public UUID cashSessionId;
    @Column(name = "payment_terms")
    public String paymentTerms;
    @Column(name = "amount_due")
    public BigDecimal amountDue;
    @Column(name = "amount_paid")
    public BigDecimal amountPaid = BigDecimal.ZERO;
    public String currency;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public String status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "settled_at")
    public Instant settledAt;

    /** A new OPEN receivable of {@code kind} (ORDER, REP_SHORTAGE): what is due, in which currency, by when. */
    public static Receivable open(UUID tenantId, String kind, BigDecimal amountDue, String currency,
            LocalDate dueDate) {
        Receivable r = new Receivable();
        r.id = Ids.next();
        r.tenantId = tenantId;
        r.kind = kind;
        r.amountDue = amountDue;
        r.currency = currency;
        r.dueDate = dueDate;
        r.status = "OPEN";
        r.openedAt = Instant.now();
        return r;
    }

    public BigDecimal outstanding() {
        return amountDue.subtract(amountPaid);
    }

    /** Books an allocation; returns true if that settled the receivable. */
    public boolean apply(BigDecimal amount, Instant now) {
        Allocation.requireWithinDue(amount, outstanding());
        amountPaid = amountPaid.add(amount);
        if (outstanding().signum() == 0) {
            status = "SETTLED";
            settledAt = now;
            return true;
        }
        return false;
    }
}
