package io.fieldsales.gateway.service;

import io.fieldsales.gateway.repository.DisabledUserIds;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The ids of disabled users, so that their access tokens stop working at the gateway at once (on this replica) or
 * within the refresh interval (on the others), instead of living until they expire. Reloaded from the database
 * every few seconds; a user disabled here is added immediately.
 */
@ApplicationScoped
public class DisabledUsers {

    private static final Logger LOG = Logger.getLogger(DisabledUsers.class);

    @Inject
    DisabledUserIds disabledUserIds;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "fieldsales.gateway.disabled-users.refresh-interval", defaultValue = "PT5S")
    java.time.Duration refreshInterval;

    private volatile Set<String> disabled = Set.of();
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        reload();
        timer = vertx.setPeriodic(refreshInterval.toMillis(), id -> reload());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    public boolean isDisabled(String userId) {
        return userId != null && disabled.contains(userId);
    }

    /** Called after a change committed on this replica. */
    public void changed(UUID userId, boolean nowDisabled) {
        Set<String> next = new HashSet<>(disabled);
        if (nowDisabled) {
            next.add(userId.toString());
        } else {
            next.remove(userId.toString());
        }
        disabled = Set.copyOf(next);
    }

    private void reload() {
        disabledUserIds.all().subscribe().with(ids -> disabled = ids,
                failure -> LOG.warnf("Cannot reload disabled users: %s", failure.toString()));
    }
}
