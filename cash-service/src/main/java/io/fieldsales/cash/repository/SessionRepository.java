package io.fieldsales.cash.repository;

import io.fieldsales.cash.domain.CashSession;
import io.fieldsales.cash.domain.SessionStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Cash sessions, always within one tenant. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<CashSession, UUID> {

    /** The tenant's session, locked for the rest of the transaction (null if absent or another tenant's). */
    public Uni<CashSession> lockInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<CashSession> inTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** Locks sessions in ascending id order (the one order every multi-session lock uses: no deadlocks). */
    public Uni<List<CashSession>> lockAllInIdOrder(UUID tenantId, Collection<UUID> ids) {
        return find("tenantId = ?1 and id in ?2 order by id", tenantId, ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The owner's OPEN session, locked (null if none). */
    public Uni<CashSession> lockOpenOf(UUID tenantId, String ownerId) {
        return find("tenantId = ?1 and ownerId = ?2 and status = ?3", tenantId, ownerId, SessionStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<CashSession>> byDeposit(UUID tenantId, UUID depositId) {
        return list("tenantId = ?1 and depositId = ?2 order by id", tenantId, depositId);
    }

    /**
     * One page, newest first; {@code limit + 1} rows tell whether more follow. The tenant is a range and leads the
     * order: with {@code tenantId = ?1 ... order by id}, PostgreSQL may walk the primary key in id order and filter
     * the tenant, and ids are UUIDv7, so a tenant created after others would read all their rows first (the same
     * statement shape as customer-service's list; its {@code CustomerPagePlanTest} shows the plans).
     */
    public Uni<List<CashSession>> page(UUID tenantId, String ownerId, SessionStatus status, Instant from, Instant to,
            UUID before, int limit) {
        StringBuilder q = new StringBuilder("tenantId >= ?1 and tenantId <= ?1");
        List<Object> params = new ArrayList<>();
        params.add(tenantId);
        if (ownerId != null) {
            params.add(ownerId);
            q.append(" and ownerId = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            q.append(" and status = ?").append(params.size());
        }
        if (from != null) {
            params.add(from);
            q.append(" and openedAt >= ?").append(params.size());
        }
        if (to != null) {
            params.add(to);
            q.append(" and openedAt < ?").append(params.size());
        }
        if (before != null) {
            params.add(before);
            q.append(" and id < ?").append(params.size());
        }
        q.append(" order by tenantId desc, id desc");
        return find(q.toString(), params.toArray()).page(0, limit + 1).list();
    }
}
