package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.Deposit;
import io.fieldsales.cash.domain.DepositStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Bank deposits, always within one tenant. */
@ApplicationScoped
public class DepositRepository implements PanacheRepositoryBase<Deposit, UUID> {

    public Uni<Deposit> lockInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Deposit> inTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<List<Deposit>> page(UUID tenantId, DepositStatus status, UUID before, int limit) {
        StringBuilder q = new StringBuilder("tenantId >= ?1 and tenantId <= ?1");
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        if (status != null) {
            params.add(status);
            q.append(" and status = ?").append(params.size());
        }
        if (before != null) {
            params.add(before);
            q.append(" and id < ?").append(params.size());
        }
        q.append(" order by tenantId desc, id desc"); // the tenant as a range: see SessionRepository.page
        return find(q.toString(), params.toArray()).page(0, limit + 1).list();
    }
}
