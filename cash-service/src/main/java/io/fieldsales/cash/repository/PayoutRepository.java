package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.Payout;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Payouts of sessions. */
@ApplicationScoped
public class PayoutRepository implements PanacheRepositoryBase<Payout, UUID> {
}
