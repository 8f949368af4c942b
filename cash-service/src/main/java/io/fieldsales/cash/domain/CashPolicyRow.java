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

/** A tenant's stored cash policy (absent: the defaults) (table {@code cash_policy}). */
@Entity
@Table(name = "cash_policy")
public class CashPolicyRow extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "auto_accept_below")
    public BigDecimal autoAcceptBelow;
    @Column(name = "supervisor_below")
    public BigDecimal supervisorBelow;
    @Column(name = "credit_days")
    public int creditDays;
    @Column(name = "deposit_confirm_days")
    public int depositConfirmDays;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public CashPolicy policy() {
        return new CashPolicy(autoAcceptBelow, supervisorBelow, creditDays, depositConfirmDays);
    }
}
