package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.Receivable;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Receivables, always within one tenant. */
@ApplicationScoped
public class ReceivableRepository implements PanacheRepositoryBase<Receivable, UUID> {

    public Uni<Receivable> lockOfOrder(UUID tenantId, UUID orderId) {
        return find("tenantId = ?1 and orderId = ?2 and kind = 'ORDER'", tenantId, orderId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Receivable> lockInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Receivable> inTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** One page in id order; {@code limit + 1} rows tell whether more follow. */
    public Uni<List<Receivable>> page(UUID tenantId, UUID customerId, String repId, String status,
            LocalDate overdueBefore, UUID after, int limit) {
        StringBuilder q = new StringBuilder("tenantId >= ?1 and tenantId <= ?1");
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        if (customerId != null) {
            params.add(customerId);
            q.append(" and customerId = ?").append(params.size());
        }
        if (repId != null) {
            params.add(repId);
            q.append(" and repId = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            q.append(" and status = ?").append(params.size());
        }
        if (overdueBefore != null) {
            params.add(overdueBefore);
            q.append(" and status = 'OPEN' and dueDate < ?").append(params.size());
        }
        if (after != null) {
            params.add(after);
            q.append(" and id > ?").append(params.size());
        }
        q.append(" order by tenantId, id"); // the tenant as a range: see SessionRepository.page
        return find(q.toString(), params.toArray()).page(0, limit + 1).list();
    }
}
