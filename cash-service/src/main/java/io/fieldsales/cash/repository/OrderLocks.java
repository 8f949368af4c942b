package io.fieldsales.cash.repository;

import io.fieldsales.platform.db.SessionSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Transaction-scoped advisory locks that make two transactions see each other's rows.
 *
 * <p>Per (tenant, order): a collection against an order and the arrival of that order's receivable take it first, so
 * a collection is either seen by the receivable's allocation or sees the receivable itself: never neither (lost) and
 * never both (counted twice).
 *
 * <p>Per (tenant, rep): opening a session and the arrival of a CASH refund for that rep take it first, so the refund
 * either finds the open session (a payout now) or is pending when the open looks for pending refunds: never a refund
 * left pending beside an open session because each ran before the other committed.
 */
@ApplicationScoped
public class OrderLocks {

    public Uni<Void> lock(UUID tenantId, UUID orderId) {
        return lock("order:" + tenantId + ":" + orderId);
    }

    /** The lock of a rep's cash: their session's opening and their CASH refunds. */
    public Uni<Void> lockRep(UUID tenantId, String repId) {
        return lock("rep:" + tenantId + ":" + repId);
    }

    private static Uni<Void> lock(String key) {
        return SessionSql.rows("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) as locked",
                key).replaceWithVoid();
    }
}
