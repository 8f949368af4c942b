package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.PendingRefund;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** CASH refunds waiting for their rep's next session. */
@ApplicationScoped
public class PendingRefundRepository implements PanacheRepositoryBase<PendingRefund, UUID> {

    public Uni<List<PendingRefund>> lockWaitingFor(UUID tenantId, String repId, String currency) {
        return find("tenantId = ?1 and repId = ?2 and currency = ?3 and appliedPayoutId is null order by receivedAt",
                tenantId, repId, currency).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
