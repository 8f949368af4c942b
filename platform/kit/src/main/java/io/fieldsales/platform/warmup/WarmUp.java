package io.fieldsales.platform.warmup;

import io.smallrye.mutiny.Uni;

/**
 * A service's contribution to warming up before readiness: an action exercising one hot path once (a prepared
 * select by id, a find-or-create's fast path, the Kafka producer's metadata). Implement it as an
 * {@code @ApplicationScoped} bean; the kit's {@link WarmUpRunner} runs every one at start and {@link WarmUpReadiness}
 * keeps readiness DOWN until all of them have succeeded, so a new replica takes no traffic while it is still cold.
 *
 * <p>The kit contributes opening the database pool's connections ({@link DatabasePoolWarmUp}) and a JWT
 * verification ({@link JwtWarmUp}). Actions must be harmless to repeat (read-only, or idempotent): a failed one is
 * run again until it succeeds or {@code fieldsales.warmup.max-duration} passes.
 */
public interface WarmUp {

    /** The name readiness reports while this action is pending. */
    default String name() {
        return getClass().getSimpleName().replaceAll("_Subclass$|_ClientProxy$", "");
    }

    /** Runs the action once; several copies may run at once ({@link #copies()}). */
    Uni<Void> run();

    /** How many copies run at once (e.g. as many as the pool has connections, so each is opened and used). */
    default int copies() {
        return 1;
    }
}
