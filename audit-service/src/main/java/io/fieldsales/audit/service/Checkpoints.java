package io.fieldsales.audit.service;

import io.fieldsales.audit.config.AuditConfig;
import io.fieldsales.audit.domain.CanonicalRecord;
import io.fieldsales.audit.domain.ChainHash;
import io.fieldsales.audit.domain.Checkpoint;
import io.fieldsales.audit.domain.CheckpointSigner;
import io.fieldsales.audit.events.CheckpointSigned;
import io.fieldsales.audit.repository.AuditEventRepository;
import io.fieldsales.audit.repository.CheckpointRepository;
import io.fieldsales.platform.context.RequestIds;
import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Signs per-tenant checkpoints (Ed25519) and publishes them on {@code audit.checkpoints} through the outbox, in
 * the same transaction that stores them: the copy outside this database is what makes deleting the newest rows or
 * rewriting a whole chain detectable.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);
    public static final String TOPIC = "audit.checkpoints";
    public static final String EVENT_TYPE = "io.fieldsales.audit.checkpoint.signed.v1";
    /** One scheduled pass at a time across replicas. */
    private static final long SCHEDULE_LOCK = 0x61756469742d6370L;

    @Inject
    Pool pool;

    @Inject
    AuditEventRepository events;

    @Inject
    CheckpointRepository checkpoints;

    @Inject
    Outbox outbox;

    private final CheckpointSigner signer;

    @Inject
    public Checkpoints(AuditConfig config) {
        if (config.signing().privateKey().isPresent() && config.signing().publicKey().isPresent()) {
            signer = CheckpointSigner.fromEncoded(config.signing().privateKey().get(), config.signing().publicKey().get());
        } else {
            signer = CheckpointSigner.generated();
            Logger.getLogger(Checkpoints.class).warnf("No audit signing key configured: generated Ed25519 key %s for"
                    + " this run only (set fieldsales.audit.signing.* in production)", signer.keyId());
        }
    }

    public CheckpointSigner signer() {
        return signer;
    }

    /** A page of the tenant's checkpoints, newest first, and whether more follow. */
    public record Listing(List<Checkpoint> items, boolean more) {
    }

    /** Checkpoints signed before the position (signedAt, id), newest first; {@code null} position: the newest. */
    public Uni<Listing> list(UUID tenantId, OffsetDateTime beforeSignedAt, UUID beforeId, int max) {
        return checkpoints.list(pool, tenantId, beforeSignedAt, beforeId, max)
                .map(found -> found.size() > max ? new Listing(found.subList(0, max), true) : new Listing(found, false));
    }

    /** Signs the tenant's current head now. */
    public Uni<Checkpoint> signNow(UUID tenantId, String actorId) {
        return pool.withTransaction(c -> events.head(c, tenantId)
                .chain(head -> sign(c, tenantId, Checkpoint.ON_DEMAND, head.lastSequence(), head.lastHash(), actorId)));
    }

    /** Signs a checkpoint inside the caller's transaction and queues its publication. */
    public Uni<Checkpoint> sign(SqlConnection c, UUID tenantId, String kind, long sequence, byte[] hash, String actorId) {
        OffsetDateTime now = CanonicalRecord.storable(OffsetDateTime.now(ZoneOffset.UTC));
        String statement = signer.statement(tenantId, kind, sequence, hash, now);
        Checkpoint cp = new Checkpoint(UUID.randomUUID(), tenantId, kind, sequence, hash, now, signer.keyId(),
                CheckpointSigner.ALGORITHM, signer.publicKeyBase64(), statement, signer.sign(statement));
        return checkpoints.insert(c, cp).chain(() -> publish(c, cp, actorId)).replaceWith(cp);
    }

    private Uni<Void> publish(SqlClient c, Checkpoint cp, String actorId) {
        CheckpointSigned payload = new CheckpointSigned(cp.id(), cp.tenantId(), cp.kind(), cp.sequence(),
                ChainHash.hex(cp.hash()), CanonicalRecord.time(cp.signedAt()), cp.keyId(), cp.algorithm(),
                cp.publicKey(), cp.statement(), Base64.getEncoder().encodeToString(cp.signature()));
        return outbox.appendAll(c, List.of(new OutboxEvent(TOPIC, EVENT_TYPE, "audit-checkpoint",
                cp.tenantId().toString(), cp.tenantId(), actorId, payload)), RequestIds.current(),
                RequestIds.currentTraceparent());
    }

    /** The scheduled pass: every tenant whose chain grew since its last checkpoint gets one. */
    public Uni<Integer> signChangedTenants() {
        return pool.withTransaction(c -> checkpoints.tryTransactionLock(c, SCHEDULE_LOCK)
                .chain(locked -> !locked ? Uni.createFrom().item(0)
                        : checkpoints.headsAhead(c, 1000).chain(heads -> Multi.createFrom().iterable(heads.entrySet())
                                .onItem().transformToUniAndConcatenate(h -> sign(c, h.getKey(), Checkpoint.SCHEDULED,
                                        h.getValue().lastSequence(), h.getValue().lastHash(), null))
                                .collect().asList().map(java.util.List::size))))
                .onItem().invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Signed %d scheduled audit checkpoints", n);
                    }
                });
    }
}
