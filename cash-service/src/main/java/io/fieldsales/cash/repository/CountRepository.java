package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.CashCount;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The counts of sessions, oldest first: the history is never overwritten. */
@ApplicationScoped
public class CountRepository implements PanacheRepositoryBase<CashCount, UUID> {

    public Uni<List<CashCount>> ofSession(UUID tenantId, UUID sessionId) {
        return list("tenantId = ?1 and sessionId = ?2 order by seq", tenantId, sessionId);
    }
}
