package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.DepositSession;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Which deposit holds which session. */
@ApplicationScoped
public class DepositSessionRepository implements PanacheRepositoryBase<DepositSession, UUID> {
}
