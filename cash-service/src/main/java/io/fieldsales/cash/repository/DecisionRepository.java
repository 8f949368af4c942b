package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.VarianceDecision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The decisions on sessions' variances, in order. */
@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<VarianceDecision, UUID> {

    public Uni<List<VarianceDecision>> ofSession(UUID tenantId, UUID sessionId) {
        return list("tenantId = ?1 and sessionId = ?2 order by decidedAt, id", tenantId, sessionId);
    }

    public Uni<List<VarianceDecision>> ofCount(UUID countId) {
        return list("countId = ?1 order by decidedAt", countId);
    }
}
