package io.fieldsales.audit.service;

import io.fieldsales.audit.api.CheckpointView;
import io.fieldsales.audit.api.PurgeResult;
import io.fieldsales.audit.config.AuditConfig;
import io.fieldsales.audit.domain.ChainHash;
import io.fieldsales.audit.domain.Checkpoint;
import io.fieldsales.platform.db.DatabaseErrors;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Per-tenant retention: the purge removes the oldest whole range of the chain (records received before now minus
 * the retention) through the database's audit_purge() function, and signs a purge checkpoint (last purged
 * sequence and hash) in the same transaction, so the rest of the chain still verifies from that anchor.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    @Inject
    Pool pool;

    @Inject
    Checkpoints checkpoints;

    @Inject
    AuditConfig config;

    /** The tenant's retention in days, or null when it keeps everything. */
    public Uni<Integer> retentionDays(UUID tenantId) {
        return pool.preparedQuery("select retention_days from audit_retention where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getInteger(0));
    }

    public Uni<Integer> setRetentionDays(UUID tenantId, int days, String actorId) {
        if (days < config.minimumRetentionDays()) {
            return Uni.createFrom().failure(ProblemException.validation("days",
                    "must be at least " + config.minimumRetentionDays()));
        }
        return pool.preparedQuery("insert into audit_retention (tenant_id, retention_days, updated_by) values ($1, $2, $3)"
                        + " on conflict (tenant_id) do update set retention_days = excluded.retention_days,"
                        + " updated_by = excluded.updated_by, updated_at = now()")
                .execute(Tuple.of(tenantId, days, actorId))
                .replaceWith(days);
    }

    /** Purges what the tenant's retention allows (at most up to {@code upToSequence}). */
    public Uni<PurgeResult> purge(UUID tenantId, Long upToSequence, String actorId) {
        return retentionDays(tenantId).chain(days -> {
            if (days == null) {
                return Uni.createFrom().failure(ProblemException.of(409, "retention_not_set", "Retention not set",
                        "This tenant keeps its audit trail forever; set a retention first"));
            }
            OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusDays(days);
            return pool.withTransaction(c -> c.preparedQuery("select purged_count, last_purged_sequence,"
                            + " last_purged_hash from audit_purge($1, $2, $3)")
                    .execute(Tuple.of(tenantId, before, upToSequence))
                    .chain(rows -> {
                        if (rows.size() == 0) {
                            return Uni.createFrom().item(new PurgeResult(0, null, null, null));
                        }
                        Row r = rows.iterator().next();
                        long last = r.getLong(1);
                        byte[] hash = r.getBuffer(2).getBytes();
                        return checkpoints.sign(c, tenantId, Checkpoint.PURGE, last, hash, actorId)
                                .map(cp -> new PurgeResult(r.getLong(0), last, ChainHash.hex(hash),
                                        CheckpointView.of(cp)));
                    }))
                    .onFailure().transform(DatabaseErrors::classify);
        });
    }

    /** The scheduled pass over every tenant that set a retention. */
    public Uni<Long> purgeAll() {
        return pool.query("select tenant_id from audit_retention").execute()
                .chain(rows -> {
                    List<UUID> tenants = new ArrayList<>();
                    rows.forEach(r -> tenants.add(r.getUUID(0)));
                    return Multi.createFrom().iterable(tenants)
                            .onItem().transformToUniAndConcatenate(t -> purge(t, null, null)
                                    .onFailure().invoke(f -> LOG.warnf("Retention purge of tenant %s failed: %s", t, f))
                                    .onFailure().recoverWithItem(new PurgeResult(0, null, null, null)))
                            .collect().asList()
                            .map(results -> results.stream().mapToLong(PurgeResult::purgedCount).sum());
                });
    }
}
