package io.fieldsales.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Wrapped per-subject data keys; a destroyed key reads as an empty Optional. */
@ApplicationScoped
public class SubjectKeyRepository {

    /** A tenant's subject. */
    public record SubjectRef(UUID tenantId, String subject) {
    }

    /**
     * The wrapped keys of many subjects (of any tenants) at once, storing each one's candidate if it has none yet:
     * one round trip, plus one when a concurrent transaction created some of them meanwhile. A destroyed key maps to
     * an empty Optional. Keys are inserted in (tenant, subject) order, so two batches needing the same new keys never
     * wait on each other crosswise.
     */
    public Uni<Map<SubjectRef, Optional<byte[]>>> getOrCreateAll(SqlClient c, List<SubjectRef> subjects,
            List<byte[]> candidates) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID[] tenants = subjects.stream().map(SubjectRef::tenantId).toArray(UUID[]::new);
        String[] names = subjects.stream().map(SubjectRef::subject).toArray(String[]::new);
        Buffer[] keys = candidates.stream().map(Buffer::buffer).toArray(Buffer[]::new);
        return c.preparedQuery("with wanted as (select * from unnest($1::uuid[], $2::text[], $3::bytea[]) as w(t, s, k)),"
                        + " created as (insert into subject_key (tenant_id, subject, wrapped_key)"
                        + " select t, s, k from wanted order by t, s on conflict (tenant_id, subject) do nothing"
                        + " returning tenant_id, subject, wrapped_key)"
                        + " select tenant_id, subject, wrapped_key from created union all"
                        + " select k.tenant_id, k.subject, k.wrapped_key from subject_key k"
                        + " join wanted w on k.tenant_id = w.t and k.subject = w.s")
                .execute(Tuple.of(tenants, names, keys))
                .chain(rows -> {
                    Map<SubjectRef, Optional<byte[]>> found = keys(rows);
                    if (found.size() == subjects.size()) {
                        return Uni.createFrom().item(found);
                    }
                    // created meanwhile by a concurrent transaction: visible to a new statement's snapshot
                    return c.preparedQuery("select k.tenant_id, k.subject, k.wrapped_key from subject_key k"
                                    + " join unnest($1::uuid[], $2::text[]) as w(t, s) on k.tenant_id = w.t and k.subject = w.s")
                            .execute(Tuple.of(tenants, names))
                            .map(again -> {
                                found.putAll(keys(again));
                                return found;
                            });
                });
    }

    private static Map<SubjectRef, Optional<byte[]>> keys(Iterable<Row> rows) {
        Map<SubjectRef, Optional<byte[]>> out = new HashMap<>();
        for (Row r : rows) {
            out.put(new SubjectRef(r.getUUID(0), r.getString(1)),
                    Optional.ofNullable(r.getBuffer(2)).map(b -> b.getBytes()));
        }
        return out;
    }

    /** Destroys the subject's key for good (and marks it destroyed if it never had one). */
    public Uni<Void> destroy(SqlClient c, UUID tenantId, String subject) {
        return c.preparedQuery("insert into subject_key (tenant_id, subject, wrapped_key, destroyed_at)"
                        + " values ($1, $2, null, now()) on conflict (tenant_id, subject) do update"
                        + " set wrapped_key = null, destroyed_at = now() where subject_key.destroyed_at is null")
                .execute(Tuple.of(tenantId, subject)).replaceWithVoid();
    }

    /** The wrapped keys of several subjects; a destroyed or unknown subject maps to nothing. */
    public Uni<Map<String, byte[]>> find(SqlClient c, UUID tenantId, Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return c.preparedQuery("select subject, wrapped_key from subject_key where tenant_id = $1 and subject = any($2)"
                        + " and wrapped_key is not null")
                .execute(Tuple.of(tenantId, subjects.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, byte[]> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getString(0), r.getBuffer(1).getBytes()));
                    return out;
                });
    }
}
