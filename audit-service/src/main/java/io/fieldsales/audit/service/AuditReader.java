package io.fieldsales.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.audit.domain.AuditRecord;
import io.fieldsales.audit.domain.PersonalData;
import io.fieldsales.audit.repository.AuditEventRepository;
import io.fieldsales.audit.domain.EventFilter;
import io.fieldsales.audit.repository.SubjectKeyRepository;
import io.fieldsales.platform.db.KeysetCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Reads of the trail: filtered lists newest first and entity timelines, with personal data revealed. */
@ApplicationScoped
public class AuditReader {

    /** How many neighbouring records (orders of a customer, ...) a timeline follows. */
    static final int MAX_RELATED = 500;

    @Inject
    Pool pool;

    @Inject
    AuditEventRepository events;

    @Inject
    SubjectKeyRepository subjectKeys;

    @Inject
    DataKeyService dataKeys;

    @Inject
    ObjectMapper json;

    /** A record with its data as a reader may see it: personal data decrypted, or "[erased]" once shredded. */
    public record RevealedEvent(AuditRecord record, JsonNode data) {
    }

    /** A page of revealed records and the cursor of the next page (null on the last page). */
    public record Page(List<RevealedEvent> items, String nextCursor) {
    }

    public Uni<Page> list(EventFilter filter) {
        return events.find(pool, filter).chain(records -> page(filter.tenantId(), records, filter.limit(), true));
    }

    /** The history of a record and of the records around it (its orders, their payments), oldest first. */
    public Uni<Page> timeline(UUID tenantId, String entityType, String entityId, long afterSequence,
            int limit) {
        String root = entityType + ":" + entityId;
        return events.referencing(pool, tenantId, root, MAX_RELATED)
                .chain(related -> {
                    List<String> entities = new ArrayList<>();
                    entities.add(root);
                    related.stream().filter(r -> !r.equals(root)).forEach(entities::add);
                    return events.timeline(pool, tenantId, entities, afterSequence, limit);
                })
                .chain(records -> page(tenantId, records, limit, false));
    }

    private Uni<Page> page(UUID tenantId, List<AuditRecord> fetched, int limit, boolean newestFirst) {
        boolean more = fetched.size() > limit;
        List<AuditRecord> records = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursor(records.get(records.size() - 1).sequence()) : null;
        List<JsonNode> data = records.stream().map(this::data).toList();
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            subjects.addAll(PersonalData.subjects(data.get(i), records.get(i).piiSubject()));
        }
        return subjectKeys.find(pool, tenantId, subjects).map(wrapped -> {
            Map<String, SecretKey> keys = new HashMap<>();
            PersonalData.Keys lookup = subject -> keys.computeIfAbsent(subject, s -> {
                byte[] w = wrapped.get(s);
                return w == null ? null : dataKeys.unwrap(w, tenantId, s);
            });
            List<RevealedEvent> revealed = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                AuditRecord r = records.get(i);
                revealed.add(new RevealedEvent(r, PersonalData.reveal(data.get(i), lookup, r.tenantId(), r.eventId(),
                        r.piiSubject(), json)));
            }
            return new Page(revealed, next);
        });
    }

    private JsonNode data(AuditRecord r) {
        try {
            return json.readTree(r.data());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored data is not JSON at sequence " + r.sequence(), e);
        }
    }

    /** Cursors are opaque to clients: the last sequence seen ({@code s<sequence>}). */
    public static String cursor(long sequence) {
        return KeysetCursor.encode("s" + sequence);
    }

    public static Long parseCursor(String cursor) {
        return KeysetCursor.decode(cursor, raw -> {
            if (!raw.startsWith("s")) {
                throw new IllegalArgumentException("not a sequence cursor");
            }
            long value = Long.parseLong(raw.substring(1));
            if (value < 0) {
                throw new IllegalArgumentException("negative sequence");
            }
            return value;
        });
    }
}
