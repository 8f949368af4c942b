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

/** One count of a session; every count is kept (table {@code cash_count}). */
@Entity
@Table(name = "cash_count")
public class CashCount extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "session_id")
    public UUID sessionId;
    public int seq;
    @Column(name = "counted_cash")
    public BigDecimal countedCash;
    @Column(name = "expected_cash")
    public BigDecimal expectedCash;
    public BigDecimal variance;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "variance_tier")
    public VarianceTier varianceTier;
    public String denominations;
    public String outcome;
    @Column(name = "counted_by")
    public String countedBy;
    @Column(name = "counted_at")
    public Instant countedAt;
}
