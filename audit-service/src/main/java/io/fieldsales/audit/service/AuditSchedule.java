package io.fieldsales.audit.service;

import io.fieldsales.audit.config.AuditConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/** Runs the periodic checkpoint signing and retention purges (non-overlapping passes on Vert.x timers). */
@ApplicationScoped
public class AuditSchedule {

    private static final Logger LOG = Logger.getLogger(AuditSchedule.class);

    @Inject
    Vertx vertx;

    @Inject
    AuditConfig config;

    @Inject
    Checkpoints checkpoints;

    @Inject
    Retention retention;

    private final AtomicBoolean signing = new AtomicBoolean();
    private final AtomicBoolean purging = new AtomicBoolean();
    private final List<Long> timers = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        timers.add(vertx.setPeriodic(config.checkpointInterval().toMillis(), id -> signCheckpoints()));
        timers.add(vertx.setPeriodic(config.purgeInterval().toMillis(), id -> purge()));
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
    }

    void signCheckpoints() {
        if (!signing.compareAndSet(false, true)) {
            return;
        }
        checkpoints.signChangedTenants().subscribe().with(n -> signing.set(false), f -> {
            signing.set(false);
            LOG.warnf("Scheduled checkpoint signing failed: %s", f.toString());
        });
    }

    void purge() {
        if (!purging.compareAndSet(false, true)) {
            return;
        }
        retention.purgeAll().subscribe().with(n -> purging.set(false), f -> {
            purging.set(false);
            LOG.warnf("Scheduled retention purge failed: %s", f.toString());
        });
    }
}
