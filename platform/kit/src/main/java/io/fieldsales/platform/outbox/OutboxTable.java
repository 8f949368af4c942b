package io.fieldsales.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/** The relay's statements on the {@code outbox} table (the writes are {@link Outbox}'s). */
@ApplicationScoped
public class OutboxTable {

    /** Any constant works as long as every relay of one database uses the same one. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    /** How many rows wait, and how old the oldest one is. */
    public record Backlog(long pending, long oldestAgeMillis) {
    }

    @Inject
    Pool pool;

    /**
     * Runs {@code pass} on up to {@code limit} unsent rows (in commit-sequence order) in a transaction holding the
     * relay lock, or answers {@code whenNothing} at once if another relay holds the lock or nothing waits: one relay
     * publishes at a time, and a row is marked sent in the transaction that published it. Taking the lock and
     * reading the rows is one statement (one round trip fewer per pass).
     *
     * <p>The pass commits without waiting for its WAL flush ({@code synchronous_commit = off}, this transaction
     * only): if the database crashed within that fraction of a second, the rows' "sent" marks are lost and the rows
     * are published again, which at-least-once delivery allows (consumers deduplicate on {@code ce_id}); a row is
     * still never marked sent before Kafka acknowledged it.
     */
    <T> Uni<T> underRelayLock(int limit, BiFunction<SqlConnection, List<OutboxRow>, Uni<T>> pass, T whenNothing) {
        return pool.withTransaction(conn -> conn.preparedQuery(LOCK_AND_READ)
                .execute(Tuple.of(RELAY_LOCK, limit))
                .chain(rows -> {
                    List<OutboxRow> found = new ArrayList<>();
                    for (Row r : rows) {
                        found.add(OutboxRow.from(r));
                    }
                    return found.isEmpty() ? Uni.createFrom().item(whenNothing) : pass.apply(conn, found);
                }));
    }

    /** The lock is tried once (a materialized CTE), and the pending rows are read only if it was granted. */
    private static final String LOCK_AND_READ = "with relay as materialized (select pg_try_advisory_xact_lock($1)"
            + " as held, set_config('synchronous_commit', 'off', true) as commit_mode)"
            + " select o.* from relay, lateral (select " + OutboxRow.COLUMNS + " from outbox"
            + " where relay.held and sent_at is null order by seq limit $2) o";

    Uni<Void> markSent(SqlConnection conn, Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("update outbox set sent_at = now(), attempts = attempts + 1 where id = any($1)")
                        .execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    Uni<Void> markFailed(SqlConnection conn, Collection<UUID> ids, String error) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery("update outbox set attempts = attempts + 1, last_error = left($2, 1000)"
                                + " where id = any($1)")
                        .execute(Tuple.of(ids.toArray(UUID[]::new), error)).replaceWithVoid();
    }

    Uni<Backlog> backlog() {
        return pool.query("select count(*), coalesce(extract(epoch from now() - min(occurred_at)) * 1000, 0)::bigint"
                        + " from outbox where sent_at is null")
                .execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Backlog(r.getLong(0), r.getLong(1));
                });
    }

    /** Deletes sent rows older than the retention, at most 10,000 at a time; returns how many. */
    Uni<Integer> pruneSentBefore(Duration retention) {
        return pool.preparedQuery("delete from outbox where id in (select id from outbox where sent_at is not null"
                        + " and sent_at < now() - make_interval(secs => $1) limit 10000)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .map(rows -> rows.rowCount());
    }
}
