package io.fieldsales.customer.repository;

import io.fieldsales.customer.domain.Customer;
import io.fieldsales.platform.db.SessionSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Customers as Hibernate Reactive entities, always within one tenant; used by the write paths. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** The tenant's customer, locked for the rest of the transaction (null if absent or another tenant's). */
    /** The tenant's customer with this id, in the current session; empty if there is none. */
    public Uni<Optional<Customer>> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).<Customer>firstResult().map(Optional::ofNullable);
    }

    public Uni<Customer> lockInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Locks the tenant's customers with these ids in ascending id order, the one order every transaction that
     * locks several customers uses, so two merges over the same customers wait for each other instead of
     * deadlocking. Ids of other tenants or of nothing are simply absent from the result.
     */
    public Uni<List<Customer>> lockAllInIdOrder(UUID tenantId, Collection<UUID> ids) {
        return find("tenantId = ?1 and id in ?2 order by id", tenantId, ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Ids of every customer merged (directly or through a chain) into this one. */
    public Uni<List<UUID>> mergedIntoTransitively(UUID tenantId, UUID survivorId) {
        return SessionSql.rows("with recursive merged(id) as ("
                        + " select id from customer where tenant_id = ?1 and merged_into = ?2"
                        + " union select c.id from customer c join merged m on c.merged_into = m.id"
                        + " where c.tenant_id = ?1) select id from merged", tenantId, survivorId)
                .map(rows -> rows.stream().map(r -> (UUID) r[0]).toList());
    }

    /** Adds merge conflicts (a JSON array) to the survivor's record of them. */
    public Uni<Integer> appendMergeConflicts(UUID tenantId, UUID survivorId, String conflictsJson) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update customer set merge_conflicts ="
                        + " merge_conflicts || cast(cast(?1 as text) as jsonb) where tenant_id = ?2 and id = ?3")
                .setParameter(1, conflictsJson)
                .setParameter(2, tenantId)
                .setParameter(3, survivorId)
                .executeUpdate());
    }

    /** Drops recorded merge conflicts (they hold personal data) of erased customers. */
    public Uni<Integer> clearMergeConflicts(UUID tenantId, Collection<UUID> ids) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update customer set merge_conflicts = '[]'"
                        + " where tenant_id = ?1 and id = any(?2)")
                .setParameter(1, tenantId)
                .setParameter(2, ids.toArray(UUID[]::new))
                .executeUpdate());
    }

    public Uni<Void> flush() {
        return Panache.getSession().chain(s -> s.flush());
    }
}
