package io.fieldsales.platform.warmup;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Opens the reactive pool's connections before readiness ({@code fieldsales.warmup.database-connections} of them at
 * once, each running a prepared {@code select 1}), instead of during the first burst, where each new connection's
 * handshake and authentication is paid by a waiting request.
 */
@ApplicationScoped
public class DatabasePoolWarmUp implements WarmUp {

    @Inject
    Pool pool;

    @Inject
    WarmUpConfig config;

    @Override
    public String name() {
        return "database-pool";
    }

    @Override
    public Uni<Void> run() {
        return pool.withConnection(c -> c.preparedQuery("select 1").execute()).replaceWithVoid();
    }

    @Override
    public int copies() {
        return config.databaseConnections();
    }
}
