package io.fieldsales.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the service is shutting down, from the moment SIGTERM arrives (a JVM shutdown hook, before Quarkus has
 * closed anything) or Quarkus begins its shutdown otherwise.
 *
 * <p>Why consumers care: Quarkus closes the database pools before the Kafka connector's graceful termination
 * commits the offsets of what was processed. A record whose processing fails because the pool is closing must not
 * be nacked, or the dead-letter-queue strategy acks it (and the commit then passes it: lost for good). Instead
 * {@link ProcessedEvents#processOnce} leaves it unacknowledged: the commit stops before it and the next start
 * processes it again (once: {@code processed_event}).
 */
@ApplicationScoped
public class ConsumerShutdown {

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    /** True once the service has begun to shut down. */
    public static boolean stopping() {
        return STOPPING.get();
    }

    void started(@Observes StartupEvent event) {
        STOPPING.set(false);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPING.set(true), "fieldsales-shutdown-signal"));
    }

    void stopping(@Observes @Priority(1) ShutdownEvent event) {
        STOPPING.set(true);
    }
}
