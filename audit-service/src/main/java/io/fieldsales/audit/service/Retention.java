package io.fieldsales.audit.service;

import io.fieldsales.audit.config.AuditConfig;
import io.fieldsales.audit.domain.Checkpoint;
import io.fieldsales.audit.repository.RetentionRepository;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    RetentionRepository settings;

    @Inject
    Checkpoints checkpoints;

    @Inject
    AuditConfig config;

    /** What a purge removed and the checkpoint that anchors the rest of the chain (none when nothing was due). */
    public record Purge(long purgedCount, Long lastPurgedSequence, byte[] lastPurgedHash, Checkpoint checkpoint) {

        static final Purge NOTHING = new Purge(0, null, null, null);
    }

    /** The tenant's retention in days, or null when it keeps everything. */
    public Uni<Integer> retentionDays(UUID tenantId) {
        return settings.retentionDays(pool, tenantId);
    }

    public Uni<Integer> setRetentionDays(UUID tenantId, int days, String actorId) {
        if (days < config.minimumRetentionDays()) {
            return Uni.createFrom().failure(ProblemException.validation("days",
                    "must be at least " + config.minimumRetentionDays()));
        }
        return settings.setRetentionDays(pool, tenantId, days, actorId).replaceWith(days);
    }

    /** Purges what the tenant's retention allows (at most up to {@code upToSequence}). */
    public Uni<Purge> purge(UUID tenantId, Long upToSequence, String actorId) {
        return retentionDays(tenantId).chain(days -> {
            if (days == null) {
                return Uni.createFrom().failure(ProblemException.of(409, "retention_not_set", "Retention not set",
                        "This tenant keeps its audit trail forever; set a retention first"));
            }
            OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusDays(days);
            return pool.withTransaction(c -> settings.purge(c, tenantId, before, upToSequence)
                    .chain(range -> range.isEmpty() ? Uni.createFrom().item(Purge.NOTHING)
                            : checkpoints.sign(c, tenantId, Checkpoint.PURGE, range.get().lastSequence(),
                                    range.get().lastHash(), actorId)
                                    .map(cp -> new Purge(range.get().count(), range.get().lastSequence(),
                                            range.get().lastHash(), cp))));
        });
    }

    /** The scheduled pass over every tenant that set a retention. */
    public Uni<Long> purgeAll() {
        return settings.tenantsWithRetention(pool)
                .chain(tenants -> Multi.createFrom().iterable(tenants)
                        .onItem().transformToUniAndConcatenate(t -> purge(t, null, null)
                                .onFailure().invoke(f -> LOG.warnf("Retention purge of tenant %s failed: %s", t, f))
                                .onFailure().recoverWithItem(Purge.NOTHING))
                        .collect().asList()
                        .map(results -> results.stream().mapToLong(Purge::purgedCount).sum()));
    }
}
