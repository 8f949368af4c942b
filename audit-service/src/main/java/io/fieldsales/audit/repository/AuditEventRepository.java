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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL on audit_event and audit_chain_head, with the raw reactive client (the ingest is the hot path). */
@ApplicationScoped
public class AuditEventRepository {

    public static final String COLUMNS = "tenant_id, sequence, event_id, event_type, source, topic, entity_type,"
            + " entity_id, actor_id, request_id, occurred_at, received_at, pii_subject, refs, data::text, prev_hash, hash";

    /** What the append needs to know before it takes the lock, read in one round trip. */
    public record Preparation(boolean alreadyStored, String normalizedData) {
    }

    public Uni<ChainHead> head(SqlClient c, UUID tenantId) {
        return c.preparedQuery("select last_sequence, last_hash from audit_chain_head where tenant_id = $1")
                .execute(Tuple.of(tenantId))
                .map(rows -> rows.size() == 0 ? new ChainHead(0, ChainHash.genesis())
                        : new ChainHead(rows.iterator().next().getLong(0), rows.iterator().next().getBuffer(1).getBytes()));
    }

    /**
     * Locks the chain heads of several tenants for this transaction (creating missing ones at genesis), in tenant
     * order so that two batches sharing tenants never wait on each other crosswise; one round trip when every head
     * exists. Returns the heads by tenant and the database clock read under the locks.
     */
    public Uni<LockedHeads> lockHeads(SqlConnection c, List<UUID> tenantIds) {
        UUID[] sorted = tenantIds.stream().distinct().sorted().toArray(UUID[]::new);
        return selectHeadsForUpdate(c, sorted).chain(heads -> heads.heads().size() == sorted.length
                ? Uni.createFrom().item(heads)
                : c.preparedQuery("insert into audit_chain_head (tenant_id, last_sequence, last_hash)"
                                + " select t, 0, $2 from unnest($1::uuid[]) t order by t on conflict (tenant_id) do nothing")
                        .execute(Tuple.of(sorted, Buffer.buffer(ChainHash.genesis())))
                        .chain(() -> selectHeadsForUpdate(c, sorted)));
    }

    /** The locked heads of a batch's tenants and the database clock read under the locks. */
    public record LockedHeads(Map<UUID, ChainHead> heads, OffsetDateTime now) {
    }

    private Uni<LockedHeads> selectHeadsForUpdate(SqlConnection c, UUID[] sortedTenants) {
        return c.preparedQuery("select tenant_id, last_sequence, last_hash, clock_timestamp() from audit_chain_head"
                        + " where tenant_id = any($1) order by tenant_id for update")
                .execute(Tuple.of(sortedTenants))
                .chain(rows -> {
                    Map<UUID, ChainHead> heads = new HashMap<>();
                    OffsetDateTime now = null;
                    for (Row r : rows) {
                        heads.put(r.getUUID(0), new ChainHead(r.getLong(1), r.getBuffer(2).getBytes()));
                        now = r.getOffsetDateTime(3);
                    }
                    if (now != null) {
                        return Uni.createFrom().item(new LockedHeads(heads, now));
                    }
                    return c.query("select clock_timestamp()").execute()
                            .map(clock -> new LockedHeads(heads, clock.iterator().next().getOffsetDateTime(0)));
                });
    }

    /**
     * For each event (id, source, data as JSON text), in order: whether it is stored already and its data in jsonb's
     * normal form (what the hash covers); one round trip for the whole batch.
     */
    public Uni<List<Preparation>> prepareAll(SqlConnection c, List<UUID> eventIds, List<String> sources,
            List<String> dataJson) {
        return c.preparedQuery("select exists (select 1 from audit_event e where e.event_id = u.id"
                        + " and e.source is not distinct from u.src), cast(u.d as jsonb)::text"
                        + " from unnest($1::uuid[], $2::text[], $3::text[]) with ordinality as u(id, src, d, n)"
                        + " order by u.n")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new), sources.toArray(String[]::new),
                        dataJson.toArray(String[]::new)))
                .map(rows -> {
                    List<Preparation> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(new Preparation(r.getBoolean(0), r.getString(1))));
                    return out;
                });
    }

    /**
     * Inserts the records (already chained, in sequence order per tenant) and moves each tenant's head to its last
     * one, in ONE statement: one multi-row insert from arrays, one update of the heads.
     */
    public Uni<Void> appendAll(SqlConnection c, List<AuditRecord> records) {
        int n = records.size();
        UUID[] tenants = new UUID[n];
        Long[] sequences = new Long[n];
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] topics = new String[n];
        String[] entityTypes = new String[n];
        String[] entityIds = new String[n];
        String[] actors = new String[n];
        String[] requests = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        String[] subjects = new String[n];
        String[] refs = new String[n];
        String[] data = new String[n];
        Buffer[] prevHashes = new Buffer[n];
        Buffer[] hashes = new Buffer[n];
        Map<UUID, AuditRecord> last = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            AuditRecord r = records.get(i);
            tenants[i] = r.tenantId();
            sequences[i] = r.sequence();
            ids[i] = r.eventId();
            types[i] = r.type();
            sources[i] = r.source();
            topics[i] = r.topic();
            entityTypes[i] = r.entityType();
            entityIds[i] = r.entityId();
            actors[i] = r.actorId();
            requests[i] = r.requestId();
            occurred[i] = r.occurredAt();
            received[i] = r.receivedAt();
            subjects[i] = r.piiSubject();
            refs[i] = textArray(r.refs());
            data[i] = r.data();
            prevHashes[i] = Buffer.buffer(r.prevHash());
            hashes[i] = Buffer.buffer(r.hash());
            last.merge(r.tenantId(), r, (a, b) -> b.sequence() > a.sequence() ? b : a);
        }
        UUID[] headTenants = last.keySet().toArray(UUID[]::new);
        Long[] headSequences = last.values().stream().map(AuditRecord::sequence).toArray(Long[]::new);
        Buffer[] headHashes = last.values().stream().map(r -> Buffer.buffer(r.hash())).toArray(Buffer[]::new);
        Tuple t = Tuple.from(Arrays.<Object>asList(tenants, sequences, ids, types, sources, topics, entityTypes, entityIds, actors,
                requests, occurred, received, subjects, refs, data, prevHashes, hashes, headTenants, headSequences,
                headHashes));
        return c.preparedQuery("with appended as (insert into audit_event (tenant_id, sequence, event_id, event_type,"
                        + " source, topic, entity_type, entity_id, actor_id, request_id, occurred_at, received_at,"
                        + " pii_subject, refs, data, prev_hash, hash)"
                        + " select u.t, u.seq, u.id, u.ty, u.src, u.top, u.et, u.eid, u.act, u.req, u.occ, u.rec, u.pii,"
                        + " cast(u.refs as text[]), cast(u.d as jsonb), u.ph, u.h"
                        + " from unnest($1::uuid[], $2::int8[], $3::uuid[], $4::text[], $5::text[], $6::text[],"
                        + " $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[],"
                        + " $13::text[], $14::text[], $15::text[], $16::bytea[], $17::bytea[])"
                        + " as u(t, seq, id, ty, src, top, et, eid, act, req, occ, rec, pii, refs, d, ph, h)"
                        + " order by u.t, u.seq)"
                        + " update audit_chain_head h set last_sequence = x.seq, last_hash = x.h, updated_at = now()"
                        + " from unnest($18::uuid[], $19::int8[], $20::bytea[]) as x(t, seq, h)"
                        + " where h.tenant_id = x.t")
                .execute(t).chain(rows -> rows.rowCount() == headTenants.length
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IllegalStateException("audit batch: " + rows.rowCount()
                                + " of " + headTenants.length + " chain heads moved")));
    }

    /** A text[] literal ({"a","b"}) of refs, so that one row's array travels as one element of a text[] parameter. */
    static String textArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"');
            String v = values.get(i);
            for (int j = 0; j < v.length(); j++) {
                char ch = v.charAt(j);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
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
