package io.fieldsales.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tenants' retention settings and the purge itself (the database's {@code audit_purge()} function). */
@ApplicationScoped
public class RetentionRepository {

    /** What one purge removed: how many records, up to which sequence, and that record's hash (the new anchor). */
    public record PurgedRange(long count, long lastSequence, byte[] lastHash) {
    }

    /** The tenant's retention in days, or null when it keeps everything. */
    public Uni<Integer> retentionDays(SqlClient c, UUID tenantId) {
        return c.preparedQuery("select retention_days from audit_retention where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getInteger(0));
    }

    public Uni<Void> setRetentionDays(SqlClient c, UUID tenantId, int days, String actorId) {
        return c.preparedQuery("insert into audit_retention (tenant_id, retention_days, updated_by) values ($1, $2, $3)"
                        + " on conflict (tenant_id) do update set retention_days = excluded.retention_days,"
                        + " updated_by = excluded.updated_by, updated_at = now()")
                .execute(Tuple.of(tenantId, days, actorId))
                .replaceWithVoid();
    }

    /** Every tenant that set a retention. */
    public Uni<List<UUID>> tenantsWithRetention(SqlClient c) {
        return c.query("select tenant_id from audit_retention").execute().map(rows -> {
            List<UUID> tenants = new ArrayList<>();
            rows.forEach(r -> tenants.add(r.getUUID(0)));
            return tenants;
        });
    }

    /** Purges the tenant's records received before {@code before} (at most up to {@code upToSequence}). */
    public Uni<Optional<PurgedRange>> purge(SqlClient c, UUID tenantId, OffsetDateTime before, Long upToSequence) {
        return c.preparedQuery("select purged_count, last_purged_sequence, last_purged_hash from audit_purge($1, $2, $3)")
                .execute(Tuple.of(tenantId, before, upToSequence))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new PurgedRange(r.getLong(0), r.getLong(1), r.getBuffer(2).getBytes()));
                });
    }
}
