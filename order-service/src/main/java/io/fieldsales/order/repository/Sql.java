package io.fieldsales.order.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Native SQL on the current Hibernate Reactive session, so that every statement of a request joins the one
 * transaction its service opened (and that the Idempotency-Key record and the outbox rows commit with). Nullable
 * parameters are cast in the SQL ({@code cast(?3 as text)}); jsonb and arrays travel as text.
 */
@ApplicationScoped
public class Sql {

    /** Rows of a query with at least two columns. */
    public Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        });
    }

    /** The first row, or null. */
    public Uni<Object[]> row(String sql, Object... params) {
        return rows(sql, params).map(r -> r.isEmpty() ? null : r.get(0));
    }

    /** Runs an insert, update or delete and returns how many rows it changed. */
    public Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }
}
