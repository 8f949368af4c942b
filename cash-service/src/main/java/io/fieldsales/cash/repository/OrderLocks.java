package io.fieldsales.cash.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A transaction-scoped advisory lock per (tenant, order): a collection against an order and the arrival of that
 * order's receivable take it first, so a collection is either seen by the receivable's allocation or sees the
 * receivable itself: never neither (lost) and never both (counted twice).
 */
@ApplicationScoped
public class OrderLocks {

    public Uni<Void> lock(UUID tenantId, UUID orderId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) as locked")
                .setParameter(1, "order:" + tenantId + ":" + orderId)
                .getSingleResult()).replaceWithVoid();
    }
}
