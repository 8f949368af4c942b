package io.fieldsales.customer.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The reads that compare {@code unique_contacts} with the customers of a tenant, and the guarded statements that
 * repair them: every write names the owner it expects, so a repair that lost a race changes nothing (and retrying
 * the whole repair is safe).
 */
@ApplicationScoped
public class ContactConsistency {

    /** A reservation whose customer is gone or not active; {@code survivorId} when it was merged into an active one. */
    public record OrphanedReservation(String kind, String value, UUID customerId, String status, UUID survivorId) {
    }

    /** An active customer's contact that is not reserved for it ({@code ownerId}: who holds it, if anyone). */
    public record UnreservedContact(UUID customerId, String kind, String value, UUID ownerId) {
    }

    /** An active customer's contacts as stored, raw and canonical. */
    public record StoredContacts(UUID id, String email, String emailCanonical, String phone, String phoneCanonical) {
    }

    private static final String ORPHANS = "select u.kind, u.canonical_value, u.customer_id, c.status,"
            + " s.id as survivor_id from unique_contacts u"
            + " left join customer c on c.id = u.customer_id and c.tenant_id = u.tenant_id"
            + " left join customer s on s.id = c.merged_into and s.tenant_id = u.tenant_id and s.status = 'ACTIVE'"
            + " where u.tenant_id = $1 and (c.id is null or c.status <> 'ACTIVE')"
            + " order by u.kind, u.canonical_value limit $2";
    private static final String UNRESERVED = "select c.id, k.kind, k.value, u.customer_id from customer c"
            + " cross join lateral (values ('email', c.email_canonical), ('phone', c.phone_canonical)) as k(kind, value)"
            + " left join unique_contacts u on u.tenant_id = c.tenant_id and u.kind = k.kind"
            + "   and u.canonical_value = k.value"
            + " where c.tenant_id = $1 and c.status = 'ACTIVE' and k.value is not null"
            + "   and u.customer_id is distinct from c.id"
            + " order by c.id, k.kind limit $2";

    @Inject
    Pool pool;

    public Uni<List<OrphanedReservation>> orphans(UUID tenantId, int limit) {
        return pool.preparedQuery(ORPHANS).execute(Tuple.of(tenantId, limit)).map(rows -> {
            List<OrphanedReservation> found = new ArrayList<>();
            for (Row r : rows) {
                found.add(new OrphanedReservation(r.getString(0), r.getString(1), r.getUUID(2), r.getString(3),
                        r.getUUID(4)));
            }
            return found;
        });
    }

    public Uni<List<UnreservedContact>> unreserved(UUID tenantId, int limit) {
        return pool.preparedQuery(UNRESERVED).execute(Tuple.of(tenantId, limit)).map(rows -> {
            List<UnreservedContact> found = new ArrayList<>();
            for (Row r : rows) {
                found.add(new UnreservedContact(r.getUUID(0), r.getString(1), r.getString(2), r.getUUID(3)));
            }
            return found;
        });
    }

    /** A page of active customers' contacts in id order, after {@code after} (null: from the first). */
    public Uni<List<StoredContacts>> activeContacts(UUID tenantId, UUID after, int limit) {
        return pool.preparedQuery("select id, email, email_canonical, phone, phone_canonical from customer"
                        + " where tenant_id = $1 and status = 'ACTIVE' and ($2::uuid is null or id > $2)"
                        + " order by id limit $3")
                .execute(Tuple.of(tenantId, after, limit))
                .map(rows -> {
                    List<StoredContacts> found = new ArrayList<>();
                    for (Row r : rows) {
                        found.add(new StoredContacts(r.getUUID(0), r.getString(1), r.getString(2), r.getString(3),
                                r.getString(4)));
                    }
                    return found;
                });
    }

    /** Runs the repairs in one transaction. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> repairs) {
        return pool.withTransaction(repairs);
    }

    /** Moves a reservation from {@code from} to {@code to}, if {@code from} still holds it. */
    public Uni<Void> moveReservation(SqlConnection conn, UUID tenantId, String kind, String value, UUID from, UUID to) {
        return conn.preparedQuery("update unique_contacts set customer_id = $4 where tenant_id = $1 and kind = $2"
                        + " and canonical_value = $3 and customer_id = $5")
                .execute(Tuple.of(tenantId, kind, value, to, from)).replaceWithVoid();
    }

    /** Releases a reservation, if {@code customerId} still holds it. */
    public Uni<Void> release(SqlConnection conn, UUID tenantId, String kind, String value, UUID customerId) {
        return conn.preparedQuery("delete from unique_contacts where tenant_id = $1 and kind = $2"
                        + " and canonical_value = $3 and customer_id = $4")
                .execute(Tuple.of(tenantId, kind, value, customerId)).replaceWithVoid();
    }

    /** Reserves a free contact for a customer that is still active; false if someone holds it (or it is not active). */
    public Uni<Boolean> reserveForActive(SqlConnection conn, UUID tenantId, String kind, String value, UUID customerId) {
        return conn.preparedQuery("insert into unique_contacts (tenant_id, kind, canonical_value, customer_id,"
                        + " origin_customer_id) select $1, $2, $3, id, id from customer where tenant_id = $1 and id = $4"
                        + " and status = 'ACTIVE' on conflict do nothing")
                .execute(Tuple.of(tenantId, kind, value, customerId)).map(r -> r.rowCount() == 1);
    }

    /** Reserves a free contact for a customer; false if someone holds it. */
    public Uni<Boolean> reserve(SqlConnection conn, UUID tenantId, String kind, String value, UUID customerId) {
        return conn.preparedQuery("insert into unique_contacts (tenant_id, kind, canonical_value, customer_id,"
                        + " origin_customer_id) values ($1, $2, $3, $4, $4) on conflict do nothing")
                .execute(Tuple.of(tenantId, kind, value, customerId)).map(r -> r.rowCount() == 1);
    }

    /**
     * Points the customer at its re-derived canonical contact ({@code derived}: the email's local part or the
     * phone's national number) and records the repair in its history.
     */
    public Uni<Void> setCanonical(SqlConnection conn, UUID tenantId, UUID customerId, String kind, String stored,
            String canonical, String derived, String actorId) {
        String column = kind.equals("email") ? "email_canonical" : "phone_canonical";
        String derivedColumn = kind.equals("email") ? "email_local = $5" : "phone_national = $5";
        return conn.preparedQuery("update customer set " + column + " = $3, " + derivedColumn
                        + ", version = version + 1, updated_at = now(), updated_by = $4"
                        + " where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, customerId, canonical, actorId, derived))
                .chain(() -> conn.preparedQuery("insert into customer_history (id, tenant_id, customer_id,"
                                + " version, action, changed_by, changes) select $1, tenant_id, id, version,"
                                + " 'repaired', $2, $3::text::jsonb from customer where tenant_id = $4 and id = $5")
                        .execute(Tuple.of(UUID.randomUUID(), actorId, JsonObject.of(kind + "Canonical",
                                JsonObject.of("from", String.valueOf(stored), "to", canonical)).encode(), tenantId,
                                customerId)))
                .replaceWithVoid();
    }
}
