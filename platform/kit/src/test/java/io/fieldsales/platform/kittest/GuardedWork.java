package io.fieldsales.platform.kittest;

import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Units of work under the kit's database policy, counting their attempts. */
@ApplicationScoped
public class GuardedWork {

    private final AtomicInteger attempts = new AtomicInteger();

    /** Attempts since the last reset (a method: a field read through the bean's client proxy is not the bean's). */
    public int attempts() {
        return attempts.get();
    }

    public void reset() {
        attempts.set(0);
    }

    /** Fails with {@code failure} for the first {@code failures} attempts, then answers "done". */
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<String> transaction(int failures, Supplier<Throwable> failure) {
        return Uni.createFrom().deferred(() -> attempts.incrementAndGet() <= failures
                ? Uni.createFrom().failure(failure.get()) : Uni.createFrom().item("done"));
    }

    /** Never answers: only the policy's timeout ends it (shortened for the tests in application.properties). */
    @ApplyGuard(DatabaseRetryPolicy.TENANT_SCAN)
    public Uni<String> scanThatHangs() {
        attempts.incrementAndGet();
        return Uni.createFrom().nothing();
    }
}
