package io.fieldsales.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;

/** The ids of every disabled user and tenant (small sets, read whole on the raw pool, off any request). */
@ApplicationScoped
public class DisabledUserIds {

    @Inject
    Pool pool;

    public Uni<Set<String>> all() {
        return ids("select id from app_user where disabled");
    }

    public Uni<Set<String>> tenants() {
        return ids("select id from tenant where disabled");
    }

    private Uni<Set<String>> ids(String sql) {
        return pool.query(sql).execute().map(rows -> {
            Set<String> ids = new HashSet<>();
            for (Row r : rows) {
                ids.add(r.getUUID(0).toString());
            }
            return Set.copyOf(ids);
        });
    }
}
