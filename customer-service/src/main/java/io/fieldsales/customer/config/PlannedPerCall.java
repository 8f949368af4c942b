package io.fieldsales.customer.config;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;
import java.util.function.Predicate;

/**
 * The pool Quarkus builds from its configuration, with one change: a statement that starts with {@link #MARKER} is
 * never kept as a prepared statement of the connection, so PostgreSQL plans it for the values of each call.
 *
 * <p>Statements are otherwise kept ({@code cache-prepared-statements}), and after five executions PostgreSQL may
 * switch a kept statement to one generic plan for every value. That suits a lookup by id, not a search: a term
 * found in few names wants the trigram index and a sort of what it found, a common one the tenant's rows in id
 * order until the page is full; the generic plan takes one of them for both (on the load stack it read a whole
 * tenant for a term no name had). Planning a search costs ~0.3 ms.
 */
@Singleton
public class PlannedPerCall implements PgPoolCreator {

    /** The first characters of a statement planned on every call. */
    public static final String MARKER = "/* planned per call */ ";

    @Override
    @SuppressWarnings("deprecation") // PgPool is what Quarkus expects from a creator in this version
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            Predicate<String> kept = options.getPreparedStatementCacheSqlFilter();
            options.setPreparedStatementCacheSqlFilter(sql -> !sql.startsWith(MARKER) && kept.test(sql));
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
