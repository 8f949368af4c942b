package io.fieldsales.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How consumers stop: from the moment SIGTERM arrives (a JVM shutdown hook, before Quarkus has closed anything) no
 * consumer starts another record, and Quarkus's shutdown waits (first of its shutdown observers, while the database
 * pools are still open) until the records in flight are done, at most {@code fieldsales.consumer.drain-timeout}
 * (default 10 s). The Kafka connector then commits exactly what was processed ({@link ProcessedOffsetsCommit}).
 *
 * <p>A record that is not started, or that fails while the service shuts down (its pool closing after the drain
 * timeout), is neither retried nor dead-lettered (the dead-letter strategy would ack it, and the commit would pass
 * it: lost for good): it stays unacknowledged, the commit stops before it, and the next start processes it (once:
 * {@code processed_event}).
 *
 * <pre>{@code
 * return ConsumerShutdown.guard("order-service.customer-projection", () -> applyEffect(event));
 * }</pre>
 */
@ApplicationScoped
public class ConsumerShutdown {

    private static final Logger LOG = Logger.getLogger(ConsumerShutdown.class);
    private static final AtomicBoolean STOPPING = new AtomicBoolean();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    @ConfigProperty(name = "fieldsales.consumer.drain-timeout", defaultValue = "10s")
    Duration drainTimeout;

    /** True once the service has begun to shut down. */
    public static boolean stopping() {
        return STOPPING.get();
    }

    /** How many guarded records are being processed now. */
    public static int inFlight() {
        return IN_FLIGHT.get();
    }

    /**
     * Runs a consumer's work for one record (or one batch) unless the service is stopping; counts it as in flight
     * until it ends. Work not started, or failing while the service stops, never ends: its record stays
     * unacknowledged for the next start.
     */
    public static <T> Uni<T> guard(String consumer, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (stopping()) {
                LOG.debugf("%s: not started, the service is stopping (left for the next start)", consumer);
                return Uni.createFrom().<T>nothing();
            }
            IN_FLIGHT.incrementAndGet();
            return work.get()
                    .onTermination().invoke(IN_FLIGHT::decrementAndGet)
                    .onFailure(failure -> stopping()).recoverWithUni(failure -> {
                        LOG.infof("%s: failed while the service stops, left for the next start: %s", consumer,
                                failure.toString());
                        return Uni.createFrom().nothing();
                    });
        });
    }

    void started(@Observes StartupEvent event) {
        STOPPING.set(false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPING.set(true), "fieldsales-shutdown-signal"));
    }

    /** First of the shutdown observers: stop starting records, then let those in flight finish. */
    void stopping(@Observes @Priority(1) ShutdownEvent event) {
        STOPPING.set(true);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (IN_FLIGHT.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (IN_FLIGHT.get() > 0) {
            LOG.warnf("%d record(s) still in flight after %s: left for the next start", IN_FLIGHT.get(),
                    drainTimeout);
        }
    }
}
