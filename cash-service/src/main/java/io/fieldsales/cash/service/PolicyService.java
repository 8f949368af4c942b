package io.fieldsales.cash.service;

import io.fieldsales.cash.config.CashConfig;
import io.fieldsales.cash.domain.CashPolicy;
import io.fieldsales.cash.domain.CashPolicyRow;
import io.fieldsales.cash.repository.PolicyRepository;
import io.fieldsales.platform.context.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** A tenant's cash policy: its stored one, or the configured defaults. */
@ApplicationScoped
public class PolicyService {

    @Inject
    PolicyRepository policies;

    @Inject
    CashConfig config;

    public CashPolicy defaults() {
        return new CashPolicy(config.defaultAutoAcceptBelow(), config.defaultSupervisorBelow(),
                config.defaultCreditDays(), config.defaultDepositConfirmDays());
    }

    /** The tenant's policy (joins the caller's session or transaction). */
    @WithSession
    public Uni<CashPolicy> of(UUID tenantId) {
        return policies.findById(tenantId).map(row -> row == null ? defaults() : row.policy());
    }

    @WithTransaction
    public Uni<CashPolicy> replace(Actor actor, CashPolicy policy) {
        return policies.findById(actor.tenantId()).chain(row -> {
            CashPolicyRow r = row == null ? new CashPolicyRow() : row;
            r.tenantId = actor.tenantId();
            r.autoAcceptBelow = policy.autoAcceptBelow();
            r.supervisorBelow = policy.supervisorBelow();
            r.creditDays = policy.creditDays();
            r.depositConfirmDays = policy.depositConfirmDays();
            r.updatedBy = actor.userId();
            r.updatedAt = Instant.now();
            return row == null ? policies.persist(r) : Uni.createFrom().item(r);
        }).map(CashPolicyRow::policy);
    }
}
