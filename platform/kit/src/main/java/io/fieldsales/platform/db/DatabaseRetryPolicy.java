package io.fieldsales.platform.db;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.temporal.ChronoUnit;

/**
 * The one fault-tolerance policy for a unit of work on a service's own database, applied by name:
 * {@code @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)} on the method that returns the whole transaction's
 * {@code Uni}, so a retry re-runs the transaction from its start.
 *
 * <p>The numbers, once:
 * <ul>
 * <li><b>Retry only transient faults</b> ({@link DatabaseErrors#isTransient}: serialization failure, deadlock, lock
 * not available, lost connection), anywhere in the cause chain; a constraint violation or a 4xx never retries.</li>
 * <li><b>3 retries, 50 ms first delay doubling up to 1 s, ±50 ms jitter</b>: a deadlock victim's partner commits in
 * milliseconds, so the first retry almost always wins; jitter keeps two victims from colliding again; four attempts
 * stay well inside a client's patience, and a fault that outlasts them is a fast 503 with {@code Retry-After}
 * ({@link io.fieldsales.platform.errors.FaultToleranceProblems}).</li>
 * <li><b>Timeout per attempt</b> (the timeout sits inside the retry): 5 s for a request's transaction, 10 s for the
 * ones that touch several aggregates (merge, erase), 30 s for whole-tenant scans (consistency check and repair).
 * PostgreSQL answers our indexed statements in milliseconds; an attempt that takes seconds waits on a lock or a
 * saturated pool and is better answered 503 than held.</li>
 * </ul>
 * A timed-out attempt is not cancelled (PITFALLS 14): every write under this policy must be idempotent (a
 * constraint, an Idempotency-Key or a compare-and-set on the version).
 *
 * <p>Each name is its own {@code Guard}; override its numbers in configuration by name, e.g.
 * {@code quarkus.fault-tolerance."database-transaction".timeout.value=30000}, or for every guard and annotation with
 * {@code quarkus.fault-tolerance.global.timeout.value}. Use the guards only through {@code @ApplyGuard} (SmallRye
 * applies that configuration on the first guarded call, which must not be a programmatic one).
 */
@ApplicationScoped
public class DatabaseRetryPolicy {

    /** A request's transaction: 5 s per attempt. */
    public static final String TRANSACTION = "database-transaction";
    /** A transaction over several aggregates (merge, erase): 10 s per attempt. */
    public static final String LONG_TRANSACTION = "database-long-transaction";
    /** A scan of a whole tenant (consistency check, repair): 30 s per attempt. */
    public static final String TENANT_SCAN = "database-tenant-scan";

    static final int MAX_RETRIES = 3;
    static final long FIRST_DELAY_MILLIS = 50;
    static final long JITTER_MILLIS = 50;
    static final long MAX_DELAY_MILLIS = 1000;

    @Produces
    @Identifier(TRANSACTION)
    public static final Guard TRANSACTION_GUARD = guard(5_000);

    @Produces
    @Identifier(LONG_TRANSACTION)
    public static final Guard LONG_TRANSACTION_GUARD = guard(10_000);

    @Produces
    @Identifier(TENANT_SCAN)
    public static final Guard TENANT_SCAN_GUARD = guard(30_000);

    static Guard guard(long timeoutMillis) {
        return Guard.create()
                .withRetry()
                    .maxRetries(MAX_RETRIES)
                    .delay(FIRST_DELAY_MILLIS, ChronoUnit.MILLIS)
                    .jitter(JITTER_MILLIS, ChronoUnit.MILLIS)
                    .whenException(DatabaseErrors::isTransient)
                    .withExponentialBackoff().maxDelay(MAX_DELAY_MILLIS, ChronoUnit.MILLIS).done()
                    .done()
                .withTimeout().duration(timeoutMillis, ChronoUnit.MILLIS).done()
                .build();
    }
}
