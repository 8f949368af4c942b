package io.fieldsales.platform.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Native SQL on the connection of the current Hibernate Reactive session, inside its transaction, without
 * Hibernate's native-query machinery.
 *
 * <p>Why: Hibernate ORM 7.2 caches a plan for every execution of a native select, never finding the one it cached
 * the time before (the cache key's result-set mapping does not equal the next one's). The entries of one statement
 * all share its hash, so each lookup compares the statement's text with every earlier entry of the bucket: in the
 * local stack's day mix that was 7.5 % of customer-service's CPU, and the leaked entries evicted real plans. Through
 * the session's connection a statement goes straight to the Vert.x client (and its prepared-statement cache).
 *
 * <p>What changes for a caller:
 * <ul>
 *   <li>No automatic flush: the session's pending entity changes are not written before the statement. Use it for
 *       tables no entity maps, or after an explicit flush.</li>
 *   <li>Parameters are JPA-style {@code ?1}, {@code ?2} (rewritten to PostgreSQL's {@code $1}, {@code $2}), and
 *       travel as the Vert.x PostgreSQL client takes them: an {@link Instant} as an {@link OffsetDateTime} in UTC,
 *       an enum as its name, arrays as arrays; a collection is refused (bind an array).</li>
 *   <li>Columns come back as the Vert.x client reads them ({@code numeric} as a {@code Numeric}, {@code timestamptz}
 *       as an {@link OffsetDateTime}); database errors surface as before, converted by Hibernate Reactive.</li>
 * </ul>
 */
public final class SessionSql {

    private static final Pattern JPA_PARAMETER = Pattern.compile("\\?(\\d+)");
    private static final int CACHED_STATEMENTS = 2048;
    private static final Map<String, String> POSTGRES_SQL = new ConcurrentHashMap<>();

    private SessionSql() {
    }

    /** The rows of a select (or of a statement with {@code returning}). */
    public static Uni<List<Object[]>> rows(String sql, Object... params) {
        String statement = postgres(sql);
        Object[] values = values(params);
        return connection().chain(c -> Uni.createFrom().completionStage(() -> c.select(statement, values)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** Runs an insert, update or delete and returns how many rows it changed. */
    public static Uni<Integer> update(String sql, Object... params) {
        String statement = postgres(sql);
        Object[] values = values(params);
        return connection().chain(c -> Uni.createFrom().completionStage(() -> c.update(statement, values)));
    }

    private static Uni<ReactiveConnection> connection() {
        return Panache.getSession().map(SessionSql::connectionOf);
    }

    private static ReactiveConnection connectionOf(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("Not a Hibernate Reactive session: " + session.getClass().getName());
    }

    /** {@code ?1} to {@code $1}; cached per statement text (bounded: statements are constants or few shapes). */
    static String postgres(String sql) {
        String cached = POSTGRES_SQL.get(sql);
        if (cached != null) {
            return cached;
        }
        String rewritten = JPA_PARAMETER.matcher(sql).replaceAll("\\$$1");
        if (POSTGRES_SQL.size() < CACHED_STATEMENTS) {
            POSTGRES_SQL.put(sql, rewritten);
        }
        return rewritten;
    }

    static Object[] values(Object... params) {
        Object[] values = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Collection<?>) {
                throw new IllegalArgumentException("parameter " + (i + 1) + " is a collection: bind an array");
            }
            values[i] = p instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC)
                    : p instanceof Enum<?> e ? e.name()
                    : p;
        }
        return values;
    }
}
