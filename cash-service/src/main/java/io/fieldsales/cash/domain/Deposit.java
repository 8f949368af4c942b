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

/** A bank deposit of closed sessions' cash (table {@code deposit}). */
@Entity
@Table(name = "deposit")
public class Deposit extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "bank_account")
    public String bankAccount;
    @Column(name = "slip_number")
    public String slipNumber;
    public BigDecimal amount;
    @Column(name = "expected_amount")
    public BigDecimal expectedAmount;
    public String currency;
    @Column(name = "deposited_at")
    public Instant depositedAt;
    @Column(name = "discrepancy_reason")
    public String discrepancyReason;
    public boolean flagged;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public DepositStatus status;
    @Column(name = "bank_reference")
    public String bankReference;
    @Column(name = "confirmed_amount")
    public BigDecimal confirmedAmount;
    public BigDecimal difference;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "confirmed_by")
    public String confirmedBy;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
}
