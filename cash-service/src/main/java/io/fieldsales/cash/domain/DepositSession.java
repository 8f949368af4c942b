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

/** Which deposit took a session (at most one, by primary key) (table {@code deposit_session}). */
@Entity
@Table(name = "deposit_session")
public class DepositSession extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "deposit_id")
    public UUID depositId;
    @Column(name = "tenant_id")
    public UUID tenantId;
}
