package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.CashCollection;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Collections of sessions. */
@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<CashCollection, UUID> {

    /** Collections against an order not (fully) allocated yet, oldest first, locked. */
    public Uni<List<CashCollection>> lockWaitingFor(UUID tenantId, UUID orderId) {
        return find("tenantId = ?1 and orderId = ?2 and allocatedAmount < amount order by createdAt, id", tenantId,
                orderId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<CashCollection>> ofSession(UUID tenantId, UUID sessionId) {
        return list("tenantId = ?1 and sessionId = ?2 order by id", tenantId, sessionId);
    }
}
