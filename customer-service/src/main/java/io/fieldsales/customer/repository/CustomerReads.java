package io.fieldsales.customer.repository;

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

    /** One page in id order (ids are UUIDv7, so creation order); {@code limit + 1} rows tell whether more follow. */
    public Uni<List<Customer>> page(CustomerListQuery q) {
        List<Object> params = new ArrayList<>();
        params.add(q.tenantId());
        params.add(q.statuses().stream().map(Enum::name).toArray(String[]::new));
        StringBuilder sql = new StringBuilder("select " + CustomerRows.COLUMNS
                + " from customer where tenant_id = $1 and status = any($2)");
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
        sql.append(" order by id limit $").append(params.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.from(params))
                .map(rows -> {
                    List<Customer> page = new ArrayList<>();
                    rows.forEach(r -> page.add(CustomerRows.from(r)));
                    return page;
                });
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
