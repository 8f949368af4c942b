package io.fieldsales.gateway.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.fieldsales.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;

/**
 * bcrypt (cost 12 or more) on a small dedicated worker pool, never on an event loop; the pool's size bounds the
 * CPU a burst of logins can take. Passwords longer than bcrypt's 72 bytes are pre-hashed with SHA-512 (the
 * library's long-password strategy) instead of being silently truncated.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final BCrypt.Hasher HASHER = BCrypt.with(VERSION, new java.security.SecureRandom(),
            LongPasswordStrategies.hashSha512(VERSION));
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private WorkerExecutor workers;
    private final AtomicInteger pending = new AtomicInteger();
    /** Checked when the user does not exist, so that case costs the same time as a wrong password. */
    private volatile String decoyHash;

    void start(@Observes StartupEvent event) {
        if (config.passwords().bcryptCost() < 12) {
            throw new IllegalStateException("fieldsales.gateway.passwords.bcrypt-cost must be 12 or more");
        }
        workers = vertx.createSharedWorkerExecutor("password-hashing", config.passwords().maxConcurrentHashes());
        decoyHash = hashNow(UUID.randomUUID().toString());
    }

    void stop(@Observes ShutdownEvent event) {
        if (workers != null) {
            workers.closeAndForget();
        }
    }

    public Uni<String> hash(String password) {
        return onWorkers(() -> hashNow(password));
    }

    /** Whether the password matches; a null hash (unknown user) is checked against a decoy and never matches. */
    public Uni<Boolean> verify(String password, String hash) {
        String target = hash == null ? decoyHash : hash;
        return onWorkers(() -> VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8),
                target.getBytes(StandardCharsets.UTF_8)).verified && hash != null);
    }

    /**
     * Runs a hash on the pool if fewer than {@code max-concurrent-hashes + max-queued-hashes} are running or waiting;
     * otherwise fails at once with 503 {@code service_unavailable} and {@code Retry-After}, so a login flood costs a
     * bounded wait (the queue drains in about queue / workers x 0.25 s) instead of minutes of queued bcrypt.
     */
    private <T> Uni<T> onWorkers(Supplier<T> work) {
        return Uni.createFrom().deferred(() -> {
            int bound = config.passwords().maxConcurrentHashes() + config.passwords().maxQueuedHashes();
            if (pending.incrementAndGet() > bound) {
                pending.decrementAndGet();
                return Uni.createFrom().failure(new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                        "Too many sign-ins at once; retry shortly").withHeader("Retry-After", "1"));
            }
            return workers.executeBlocking(Uni.createFrom().item(work), false)
                    .onTermination().invoke(pending::decrementAndGet);
        });
    }

    /** Hashes running or waiting for a worker. */
    public int pending() {
        return pending.get();
    }

    /** Hashes on the calling thread: only for startup work on the main thread, never on an event loop. */
    public String hashBlocking(String password) {
        return hashNow(password);
    }

    private String hashNow(String password) {
        return new String(HASHER.hash(config.passwords().bcryptCost(), password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }
}
