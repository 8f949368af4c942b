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

/** One decision on one step of a count (table {@code variance_decision}). */
@Entity
@Table(name = "variance_decision")
public class VarianceDecision extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "count_id")
    public UUID countId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public ApprovalStep step;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Decision decision;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "reason_code")
    public ReasonCode reasonCode;
    public String comment;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
