package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.CashPolicyRow;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Tenants' cash policies. */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<CashPolicyRow, UUID> {
}
