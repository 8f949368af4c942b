package io.fieldsales.audit.repository;

import io.fieldsales.audit.domain.AuditRecord;
import io.fieldsales.audit.domain.ChainHash;
import io.fieldsales.audit.domain.ChainHead;
import io.fieldsales.audit.domain.EventFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** SQL on audit_event and audit_chain_head, with the raw reactive client (the ingest is the hot path). */
@ApplicationScoped
public class AuditEventRepository {

    public static final String COLUMNS = "tenant_id, sequence, event_id, event_type, source, topic, entity_type,"
            + " entity_id, actor_id, request_id, occurred_at, received_at, pii_subject, refs, data::text, prev_hash, hash";

    /** What the append needs to know before it takes the lock, read in one round trip. */
    public record Preparation(boolean alreadyStored, String normalizedData) {
    }

    /** The locked head and the database clock read under the lock (so received_at grows with the sequence). */
    public record LockedHead(ChainHead head, OffsetDateTime now) {
    }

    /** Locks the tenant's chain head for this transaction (creating it at genesis on the first event). */
    public Uni<LockedHead> lockHead(SqlConnection c, UUID tenantId) {
        return selectHeadForUpdate(c, tenantId).chain(head -> head != null ? Uni.createFrom().item(head)
                : c.preparedQuery("insert into audit_chain_head (tenant_id, last_sequence, last_hash) values ($1, 0, $2)"
                                + " on conflict (tenant_id) do nothing")
                        .execute(Tuple.of(tenantId, Buffer.buffer(ChainHash.genesis())))
                        .chain(() -> selectHeadForUpdate(c, tenantId)));
    }

    private Uni<LockedHead> selectHeadForUpdate(SqlConnection c, UUID tenantId) {
        return c.preparedQuery("select last_sequence, last_hash, clock_timestamp() from audit_chain_head"
                        + " where tenant_id = $1 for update")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new LockedHead(new ChainHead(r.getLong(0), r.getBuffer(1).getBytes()), r.getOffsetDateTime(2));
                });
    }

    public Uni<ChainHead> head(SqlClient c, UUID tenantId) {
        return c.preparedQuery("select last_sequence, last_hash from audit_chain_head where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? new ChainHead(0, ChainHash.genesis())
                        : new ChainHead(rows.iterator().next().getLong(0), rows.iterator().next().getBuffer(1).getBytes()));
    }

    /**
     * Whether the event (id and source) is stored already (a redelivery; a concurrent first delivery is caught by the unique index)
     * and the data in jsonb's normal form, which is what the hash covers.
     */
    public Uni<Preparation> prepare(SqlConnection c, UUID eventId, String source, String dataJson) {
        return c.preparedQuery("select exists (select 1 from audit_event where event_id = $1"
                        + " and source is not distinct from $3), cast($2::text as jsonb)::text")
                .execute(Tuple.of(eventId, dataJson, source))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Preparation(r.getBoolean(0), r.getString(1));
                });
    }

    /** Inserts the record and moves the tenant's head to it, in one statement (one round trip under the lock). */
    public Uni<Void> append(SqlConnection c, AuditRecord r) {
        Tuple t = Tuple.tuple()
                .addUUID(r.tenantId()).addLong(r.sequence()).addUUID(r.eventId()).addString(r.type())
                .addString(r.source()).addString(r.topic()).addString(r.entityType()).addString(r.entityId())
                .addString(r.actorId()).addString(r.requestId()).addOffsetDateTime(r.occurredAt())
                .addOffsetDateTime(r.receivedAt()).addString(r.piiSubject())
                .addArrayOfString(r.refs().toArray(String[]::new)).addString(r.data())
                .addValue(Buffer.buffer(r.prevHash())).addValue(Buffer.buffer(r.hash()));
        return c.preparedQuery("with appended as (insert into audit_event (tenant_id, sequence, event_id, event_type, source, topic,"
                        + " entity_type, entity_id, actor_id, request_id, occurred_at, received_at, pii_subject, refs,"
                        + " data, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
                        + " cast($15::text as jsonb), $16, $17) returning sequence, hash)"
                        + " update audit_chain_head h set last_sequence = a.sequence, last_hash = a.hash,"
                        + " updated_at = now() from appended a where h.tenant_id = $1")
                .execute(t).replaceWithVoid();
    }

    /** Newest first, filtered; {@code beforeSequence} is the keyset cursor. Fetches limit + 1 to know if more exist. */
    public Uni<List<AuditRecord>> find(SqlClient c, EventFilter f) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from audit_event where tenant_id = $1");
        List<Object> params = new ArrayList<>();
        params.add(f.tenantId());
        condition(sql, params, "entity_type = ", f.entityType());
        condition(sql, params, "entity_id = ", f.entityId());
        condition(sql, params, "actor_id = ", f.actorId());
        condition(sql, params, "event_type = ", f.type());
        condition(sql, params, "request_id = ", f.requestId());
        condition(sql, params, "occurred_at >= ", f.from());
        condition(sql, params, "occurred_at < ", f.to());
        condition(sql, params, "sequence < ", f.beforeSequence());
        params.add(f.limit() + 1);
        sql.append(" order by sequence desc limit $").append(params.size());
        return c.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(AuditEventRepository::records);
    }

    private static void condition(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            params.add(value);
            sql.append(" and ").append(column).append('$').append(params.size());
        }
    }

    /** The other records whose events reference this one (an order's events name its customer). */
    public Uni<List<String>> referencing(SqlClient c, UUID tenantId, String ref, int max) {
        return c.preparedQuery("select distinct entity_type || ':' || entity_id from audit_event"
                        + " where tenant_id = $1 and refs @> array[$2]::text[] and entity_id is not null limit $3")
                .execute(Tuple.of(tenantId, ref, max))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /** Events of any of the entities, or referencing any of them, oldest first after a sequence. */
    public Uni<List<AuditRecord>> timeline(SqlClient c, UUID tenantId, List<String> entities, long afterSequence,
            int limit) {
        String[] types = entities.stream().map(e -> e.substring(0, e.indexOf(':'))).toArray(String[]::new);
        String[] ids = entities.stream().map(e -> e.substring(e.indexOf(':') + 1)).toArray(String[]::new);
        return c.preparedQuery("select " + COLUMNS + " from audit_event where tenant_id = $1 and sequence > $5 and ("
                        + " (entity_type, entity_id) in (select * from unnest($2::text[], $3::text[]))"
                        + " or refs && $4::text[]) order by sequence limit $6")
                .execute(Tuple.of(tenantId, types, ids, entities.toArray(String[]::new), afterSequence, limit + 1))
                .map(AuditEventRepository::records);
    }

    /** A contiguous slice of the chain, in sequence order. */
    public Uni<List<AuditRecord>> range(SqlClient c, UUID tenantId, long fromSequence, long toSequence, int limit) {
        return c.preparedQuery("select " + COLUMNS + " from audit_event where tenant_id = $1 and sequence >= $2"
                        + " and sequence <= $3 order by sequence limit $4")
                .execute(Tuple.of(tenantId, fromSequence, toSequence, limit))
                .map(AuditEventRepository::records);
    }

    /** Records received in [from, to), in sequence order, after a sequence. */
    public Uni<List<AuditRecord>> receivedBetween(SqlClient c, UUID tenantId, OffsetDateTime from, OffsetDateTime to,
            long afterSequence, int limit) {
        return c.preparedQuery("select " + COLUMNS + " from audit_event where tenant_id = $1 and sequence > $2"
                        + " and received_at >= $3 and received_at < $4 order by sequence limit $5")
                .execute(Tuple.of(tenantId, afterSequence, from, to, limit))
                .map(AuditEventRepository::records);
    }

    /** The first and last stored sequence of a tenant (null, null when none). */
    public Uni<long[]> bounds(SqlClient c, UUID tenantId) {
        return c.preparedQuery("select min(sequence), max(sequence) from audit_event where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return r.getLong(0) == null ? null : new long[] {r.getLong(0), r.getLong(1)};
                });
    }

    /** The hash of one record, or null. */
    public Uni<byte[]> hashAt(SqlClient c, UUID tenantId, long sequence) {
        return c.preparedQuery("select hash from audit_event where tenant_id = $1 and sequence = $2")
                .execute(Tuple.of(tenantId, sequence))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBuffer(0).getBytes());
    }

    /** The hash a purge recorded for its last removed record, or null. */
    public Uni<byte[]> purgedHashAt(SqlClient c, UUID tenantId, long sequence) {
        return c.preparedQuery("select last_purged_hash from audit_purge where tenant_id = $1"
                        + " and last_purged_sequence = $2")
                .execute(Tuple.of(tenantId, sequence))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBuffer(0).getBytes());
    }

    /** The last sequence any purge removed (0 if none). */
    public Uni<Long> lastPurgedSequence(SqlClient c, UUID tenantId) {
        return c.preparedQuery("select coalesce(max(last_purged_sequence), 0) from audit_purge where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    static List<AuditRecord> records(RowSet<Row> rows) {
        List<AuditRecord> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(record(r));
        }
        return out;
    }

    static AuditRecord record(Row r) {
        String[] refs = r.getArrayOfStrings(13);
        return new AuditRecord(r.getUUID(0), r.getLong(1), r.getUUID(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                r.getOffsetDateTime(10), r.getOffsetDateTime(11), r.getString(12),
                refs == null ? List.of() : Arrays.asList(refs), r.getString(14), r.getBuffer(15).getBytes(),
                r.getBuffer(16).getBytes());
    }
}
