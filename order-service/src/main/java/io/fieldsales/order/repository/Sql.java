package io.fieldsales.order.repository;

import io.fieldsales.platform.db.SessionSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Native SQL on the current Hibernate Reactive session's connection, so that every statement of a request joins the
 * one transaction its service opened (and that the Idempotency-Key record and the outbox rows commit with). It goes
 * through {@link SessionSql}, not Hibernate's native queries (whose plan cache grows with every select). Nullable
 * parameters are cast in the SQL ({@code cast(?3 as text)}); jsonb and arrays travel as text.
 */
@ApplicationScoped
public class Sql {

    /** Rows of a query. */
    public Uni<List<Object[]>> rows(String sql, Object... params) {
        return SessionSql.rows(sql, params);
    }

    /** The first row, or null. */
    public Uni<Object[]> row(String sql, Object... params) {
        return rows(sql, params).map(r -> r.isEmpty() ? null : r.get(0));
    }

    /** Runs an insert, update or delete and returns how many rows it changed. */
    public Uni<Integer> update(String sql, Object... params) {
        return SessionSql.update(sql, params);
    }
}
