package io.fieldsales.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Wrapped per-subject data keys; a destroyed key reads as an empty Optional. */
@ApplicationScoped
public class SubjectKeyRepository {

    /** The subject's wrapped key, storing {@code candidate} if it has none yet; empty if it was destroyed. */
    public Uni<Optional<byte[]>> getOrCreate(SqlClient c, UUID tenantId, String subject, byte[] candidate) {
        return c.preparedQuery("with created as (insert into subject_key (tenant_id, subject, wrapped_key)"
                        + " values ($1, $2, $3) on conflict (tenant_id, subject) do nothing returning wrapped_key)"
                        + " select wrapped_key from created union all"
                        + " select wrapped_key from subject_key where tenant_id = $1 and subject = $2 limit 1")
                .execute(Tuple.of(tenantId, subject, Buffer.buffer(candidate)))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(rows)
                        // created meanwhile by a concurrent append: visible to a new statement's snapshot
                        : c.preparedQuery("select wrapped_key from subject_key where tenant_id = $1 and subject = $2")
                                .execute(Tuple.of(tenantId, subject)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return Optional.ofNullable(r.getBuffer(0)).map(b -> b.getBytes());
                });
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
