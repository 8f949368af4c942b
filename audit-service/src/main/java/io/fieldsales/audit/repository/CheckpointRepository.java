package io.fieldsales.audit.repository;

import io.fieldsales.audit.domain.Checkpoint;
import io.fieldsales.audit.domain.ChainHead;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signed checkpoints (append-only). */
@ApplicationScoped
public class CheckpointRepository {

    static final String COLUMNS = "id, tenant_id, kind, sequence, hash, signed_at, key_id, algorithm, public_key,"
            + " statement, signature";

    public Uni<Void> insert(SqlClient c, Checkpoint cp) {
        return c.preparedQuery("insert into audit_checkpoint (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8,"
                        + " $9, $10, $11)")
                .execute(Tuple.tuple().addUUID(cp.id()).addUUID(cp.tenantId()).addString(cp.kind())
                        .addLong(cp.sequence()).addValue(Buffer.buffer(cp.hash())).addOffsetDateTime(cp.signedAt())
                        .addString(cp.keyId()).addString(cp.algorithm()).addString(cp.publicKey())
                        .addString(cp.statement()).addValue(Buffer.buffer(cp.signature())))
                .replaceWithVoid();
    }

    /** Newest first, before a (signedAt, id) keyset position. */
    public Uni<List<Checkpoint>> list(SqlClient c, UUID tenantId, OffsetDateTime beforeSignedAt, UUID beforeId, int limit) {
        String sql = "select " + COLUMNS + " from audit_checkpoint where tenant_id = $1"
                + (beforeSignedAt == null ? "" : " and (signed_at, id) < ($3, $4)")
                + " order by signed_at desc, id desc limit $2";
        Tuple t = beforeSignedAt == null ? Tuple.of(tenantId, limit + 1)
                : Tuple.of(tenantId, limit + 1, beforeSignedAt, beforeId);
        return c.preparedQuery(sql).execute(t).map(rows -> {
            List<Checkpoint> out = new ArrayList<>();
            rows.forEach(r -> out.add(checkpoint(r)));
            return out;
        });
    }

    /** The newest checkpoints of a tenant that anchor the live chain (not purges). */
    public Uni<List<Checkpoint>> latestAnchors(SqlClient c, UUID tenantId, int limit) {
        return c.preparedQuery("select " + COLUMNS + " from audit_checkpoint where tenant_id = $1 and kind <> 'purge'"
                        + " order by sequence desc, signed_at desc limit $2")
                .execute(Tuple.of(tenantId, limit))
                .map(rows -> {
                    List<Checkpoint> out = new ArrayList<>();
                    rows.forEach(r -> out.add(checkpoint(r)));
                    return out;
                });
    }

    /** Tenants whose chain grew since their last checkpoint, with their current head. */
    public Uni<Map<UUID, ChainHead>> headsAhead(SqlClient c, int limit) {
        return c.preparedQuery("select h.tenant_id, h.last_sequence, h.last_hash from audit_chain_head h"
                        + " where h.last_sequence > coalesce((select max(cp.sequence) from audit_checkpoint cp"
                        + " where cp.tenant_id = h.tenant_id and cp.kind <> 'purge'), 0) limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    Map<UUID, ChainHead> out = new java.util.LinkedHashMap<>();
                    rows.forEach(r -> out.put(r.getUUID(0), new ChainHead(r.getLong(1), r.getBuffer(2).getBytes())));
                    return out;
                });
    }

    static Checkpoint checkpoint(Row r) {
        return new Checkpoint(r.getUUID(0), r.getUUID(1), r.getString(2), r.getLong(3), r.getBuffer(4).getBytes(),
                r.getOffsetDateTime(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                r.getBuffer(10).getBytes());
    }

    /** Takes the transaction-scoped advisory lock if it is free (one holder across replicas); false if taken. */
    public Uni<Boolean> tryTransactionLock(SqlClient c, long lock) {
        return c.preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(lock))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }
}
