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
 * The ids of disabled users and disabled tenants, so that their access tokens stop working at the gateway at once
 * (on this replica) or within the refresh interval (on the others: each replica reloads both sets from the database
 * every {@code fieldsales.gateway.disabled-users.refresh-interval}, 5 s), instead of living until they expire. A user
 * or tenant disabled or re-enabled here is applied immediately.
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
    private volatile Set<String> disabledTenants = Set.of();
    /** Local changes so far: a reload that a local change overtook is dropped (it could undo the change). */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
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

    public boolean isTenantDisabled(String tenantId) {
        return tenantId != null && disabledTenants.contains(tenantId);
    }

    /** Called after a tenant's change committed on this replica. */
    public void tenantChanged(UUID tenantId, boolean nowDisabled) {
        changes.incrementAndGet();
        disabledTenants = changedSet(disabledTenants, tenantId, nowDisabled);
    }

    /** Called after a change committed on this replica. */
    public void changed(UUID userId, boolean nowDisabled) {
        changes.incrementAndGet();
        disabled = changedSet(disabled, userId, nowDisabled);
    }

    private static Set<String> changedSet(Set<String> current, UUID id, boolean add) {
        Set<String> next = new HashSet<>(current);
        if (add) {
            next.add(id.toString());
        } else {
            next.remove(id.toString());
        }
        return Set.copyOf(next);
    }

    private void reload() {
        long before = changes.get();
        disabledUserIds.all().subscribe().with(ids -> {
            if (changes.get() == before) {
                disabled = ids;
            }
        }, failure -> LOG.warnf("Cannot reload disabled users: %s", failure.toString()));
        disabledUserIds.tenants().subscribe().with(ids -> {
            if (changes.get() == before) {
                disabledTenants = ids;
            }
        }, failure -> LOG.warnf("Cannot reload disabled tenants: %s", failure.toString()));
    }
}
