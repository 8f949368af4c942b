package io.fieldsales.customer.repository;

import io.fieldsales.customer.config.PlannedPerCall;
import io.fieldsales.customer.domain.Customer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side on the plain reactive PostgreSQL client (no Hibernate session: reads by id and lists are the hot
 * paths). Every query is scoped to a tenant.
 */
@ApplicationScoped
public class CustomerReads {

    @Inject
    Pool pool;

    public Uni<Optional<Customer>> byId(UUID tenantId, UUID id) {
        return pool.preparedQuery("select " + CustomerRows.COLUMNS + " from customer where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, id))
                .map(rows -> first(rows).map(CustomerRows::from));
    }

    /**
     * The id of the customer owning the first of these contacts that is owned (emails before phones), as the
     * contact table records it (a merged customer's: the caller follows the merge); empty if none is owned.
     */
    public Uni<Optional<UUID>> ownerOfAny(UUID tenantId, List<io.fieldsales.customer.domain.Contact> contacts) {
        if (contacts.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String[] kinds = contacts.stream().map(c -> c.kind().dbValue()).toArray(String[]::new);
        String[] values = contacts.stream().map(io.fieldsales.customer.domain.Contact::canonicalValue)
                .toArray(String[]::new);
        return pool.preparedQuery("select u.customer_id from unique_contacts u"
                        + " join unnest($2::text[], $3::text[]) as k(kind, value)"
                        + " on u.kind = k.kind and u.canonical_value = k.value"
                        + " where u.tenant_id = $1 order by u.kind limit 1")
                .execute(Tuple.of(tenantId, kinds, values))
                .map(rows -> first(rows).map(row -> row.getUUID(0)));
    }

    /**
     * One page in id order (ids are UUIDv7, so creation order); {@code limit + 1} rows tell whether more follow.
     * See {@link #pageStatement} for why the tenant is a range.
     */
    public Uni<List<Customer>> page(CustomerListQuery q) {
        Statement statement = pageStatement(q);
        return pool.preparedQuery(statement.sql()).execute(Tuple.from(statement.params()))
                .map(rows -> {
                    List<Customer> page = new ArrayList<>();
                    rows.forEach(r -> page.add(CustomerRows.from(r)));
                    return page;
                });
    }

    /** A statement and its parameters ({@code $1}, {@code $2}... in order). */
    record Statement(String sql, List<Object> params) {
    }

    /**
     * The page's statement. The tenant is written as the range {@code tenant_id >= $1 and tenant_id <= $1} and the
     * order as {@code tenant_id, id}: with {@code tenant_id = $1 ... order by id}, PostgreSQL drops the tenant from the
     * order (fixed by the equality) and may walk the primary key in id order, filtering the tenant. It expects the
     * tenant's rows spread evenly over the ids, but ids are UUIDv7: a tenant created after others has all its rows
     * at the end, so its first page read every older tenant's rows first (16,903 rows for 21 on the load stack,
     * {@code CustomerPagePlanTest}). Only the {@code (tenant_id, id)} index gives this order, or a bitmap of the
     * search indexes (which take the range as well) and a sort of what they found. A search (a term or a tag) is
     * planned on every call ({@link PlannedPerCall}): which of the two is right depends on the term.
     */
    static Statement pageStatement(CustomerListQuery q) {
        List<Object> params = new ArrayList<>();
        params.add(q.tenantId());
        params.add(q.statuses().stream().map(Enum::name).toArray(String[]::new));
        StringBuilder sql = new StringBuilder("select " + CustomerRows.COLUMNS
                + " from customer where tenant_id >= $1 and tenant_id <= $1 and status = any($2)");
        if (q.after() != null) {
            params.add(q.after());
            sql.append(" and id > $").append(params.size());
        }
        if (q.nameOrEmail() != null) {
            String escaped = likeEscape(q.nameOrEmail());
            params.add("%" + escaped + "%");
            int contains = params.size();
            params.add(escaped.toLowerCase(java.util.Locale.ROOT) + "%");
            sql.append(" and (name ilike $").append(contains).append(" or email_canonical like $").append(params.size());
            if (q.phonePrefix() != null) {
                params.add(q.phonePrefix() + "%");
                sql.append(" or phone_canonical like $").append(params.size());
            }
            sql.append(')');
        }
        if (q.tag() != null) {
            params.add(new String[] {q.tag()});
            sql.append(" and tags @> $").append(params.size());
        }
        params.add(q.limit() + 1);
        sql.append(" order by tenant_id, id limit $").append(params.size());
        boolean search = q.nameOrEmail() != null || q.tag() != null;
        return new Statement(search ? PlannedPerCall.MARKER + sql : sql.toString(), params);
    }

    /** A history row as the export shows it ({@code changes} is JSON text). */
    public record HistoryRow(UUID id, long version, String action, String changedBy, java.time.Instant changedAt,
            String requestId, String changesJson) {
    }

    /** A contact reservation as the export shows it. */
    public record ReservationRow(String kind, String canonicalValue, UUID originCustomerId, java.time.Instant reservedAt) {
    }

    public Uni<List<HistoryRow>> history(UUID tenantId, UUID customerId) {
        return pool.preparedQuery("select id, version, action, changed_by, changed_at, request_id, changes::text"
                        + " from customer_history where tenant_id = $1 and customer_id = $2 order by changed_at, version")
                .execute(Tuple.of(tenantId, customerId))
                .map(rows -> {
                    List<HistoryRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new HistoryRow(r.getUUID(0), r.getLong(1), r.getString(2),
                            r.getString(3), r.getOffsetDateTime(4).toInstant(), r.getString(5), r.getString(6))));
                    return out;
                });
    }

    public Uni<List<ReservationRow>> reservations(UUID tenantId, UUID customerId) {
        return pool.preparedQuery("select kind, canonical_value, origin_customer_id, reserved_at from unique_contacts"
                        + " where tenant_id = $1 and customer_id = $2 order by kind, canonical_value")
                .execute(Tuple.of(tenantId, customerId))
                .map(rows -> {
                    List<ReservationRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new ReservationRow(r.getString(0), r.getString(1), r.getUUID(2),
                            r.getOffsetDateTime(3).toInstant())));
                    return out;
                });
    }

    /** The survivor's record of merge conflicts (JSON array text). */
    public Uni<String> mergeConflicts(UUID tenantId, UUID customerId) {
        return pool.preparedQuery("select merge_conflicts::text from customer where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenantId, customerId))
                .map(rows -> first(rows).map(r -> r.getString(0)).orElse("[]"));
    }

    /** Escapes LIKE wildcards so that search text matches literally. */
    static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}
