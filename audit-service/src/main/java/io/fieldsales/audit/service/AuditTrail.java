package io.fieldsales.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.audit.domain.AuditRecord;
import io.fieldsales.audit.domain.ChainHead;
import io.fieldsales.audit.domain.EntityReferences;
import io.fieldsales.audit.domain.ErasedSubjects;
import io.fieldsales.audit.domain.NewAuditEvent;
import io.fieldsales.audit.domain.PersonalData;
import io.fieldsales.audit.domain.PersonalDataCatalog;
import io.fieldsales.audit.repository.AuditEventRepository;
import io.fieldsales.audit.repository.SubjectKeyRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.RequestIds;
import io.fieldsales.platform.db.DatabaseErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Appends events to their tenant's hash chain. One transaction per event: encrypt its personal data under the
 * subject's key and skip it if its id is stored already; then lock the tenant's chain head (FOR UPDATE, so appends
 * of one tenant are serialized whichever consumer or replica runs them), hash it onto the chain, and insert it and
 * move the head in one statement: two round trips under the lock. A redelivery racing its first delivery fails
 * on the unique (event id, source) and counts as a duplicate. A customer.erased event destroys, in the same
 * transaction, the keys of the customer and of every customer merged into it ({@link ErasedSubjects}).
 */
@ApplicationScoped
public class AuditTrail {

    public static final String ACCESS_TOPIC = "audit.api";
    static final String EVENT_ID_UNIQUE = "audit_event_event_id_source_uq";

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

    public Uni<AppendResult> append(NewAuditEvent event) {
        return pool.withTransaction(c -> protect(c, event)
                        .chain(data -> events.prepare(c, event.eventId(), event.source(), data.json())
                                .chain(prep -> prep.alreadyStored()
                                        ? Uni.createFrom().item(AppendResult.duplicate())
                                        : events.lockHead(c, event.tenantId())
                                                .chain(locked -> store(c, event, locked, prep, data.piiSubject())))))
                // the same event id and source under another tenant: stored once, whatever it claims
                .onFailure(f -> DatabaseErrors.uniqueViolation(f).filter(EVENT_ID_UNIQUE::equals).isPresent())
                .recoverWithItem(AppendResult.duplicate())
                .onFailure().transform(DatabaseErrors::classify);
    }

    private Uni<AppendResult> store(SqlConnection c, NewAuditEvent e, AuditEventRepository.LockedHead locked,
            AuditEventRepository.Preparation prep, String piiSubject) {
        ChainHead head = locked.head();
        long sequence = head.lastSequence() + 1;
        AuditRecord record = new AuditRecord(e.tenantId(), sequence, e.eventId(), e.type(), e.source(), e.topic(),
                e.entityType(), e.entityId(), e.actorId(), e.requestId(),
                io.fieldsales.audit.domain.CanonicalRecord.storable(e.occurredAt()),
                io.fieldsales.audit.domain.CanonicalRecord.storable(locked.now()), piiSubject,
                EntityReferences.of(e.data(), e.entityType(), e.entityId()), prep.normalizedData(), null, null)
                .chainedTo(head.lastHash());
        Uni<Void> write = events.append(c, record);
        for (String subject : ErasedSubjects.of(e)) {
            String stored = dataKeys.storedSubject(e.tenantId(), subject);
            write = write.chain(() -> subjectKeys.destroy(c, e.tenantId(), stored));
        }
        return write.replaceWith(new AppendResult(true, sequence));
    }

    /** The stored data and the record's main personal-data subject (null when it holds no personal data). */
    private record ProtectedData(String json, String piiSubject) {
    }

    /**
     * The data to store: each personal value (as {@link PersonalDataCatalog} declares them) encrypted under its own
     * subject's key, or "[erased]" once that key is destroyed. Keys are taken in subject order, so two appends
     * needing the same new keys never wait on each other crosswise.
     */
    private Uni<ProtectedData> protect(SqlConnection c, NewAuditEvent e) {
        JsonNode data = e.data() == null ? null : e.data().deepCopy();
        List<PersonalDataCatalog.PersonalValue> values = PersonalDataCatalog.locate(e, data).stream()
                .map(v -> new PersonalDataCatalog.PersonalValue(v.holder(), v.field(),
                        dataKeys.storedSubject(e.tenantId(), v.subject())))
                .toList();
        if (values.isEmpty()) {
            return Uni.createFrom().item(new ProtectedData(write(data), null));
        }
        List<String> subjects = values.stream().map(PersonalDataCatalog.PersonalValue::subject).distinct().sorted()
                .toList();
        Map<String, SecretKey> keys = new HashMap<>();
        Uni<Void> fetched = Uni.createFrom().voidItem();
        for (String subject : subjects) {
            fetched = fetched.chain(() -> subjectKeys.getOrCreate(c, e.tenantId(), subject,
                            dataKeys.newWrappedKey(e.tenantId(), subject))
                    .invoke(wrapped -> keys.put(subject,
                            wrapped.map(w -> dataKeys.unwrap(w, e.tenantId(), subject)).orElse(null)))
                    .replaceWithVoid());
        }
        String main = dataKeys.storedSubject(e.tenantId(), e.personalDataSubject());
        String primary = subjects.contains(main) ? main : subjects.get(0);
        return fetched.map(ignored -> {
            PersonalData.protect(values, keys::get, e.tenantId(), e.eventId(), json);
            return new ProtectedData(write(data), primary);
        });
    }

    private String write(JsonNode data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serializable", e);
        }
    }

    /**
     * Records an access to the trail (a read, an export, a verification, a setting change) on the tenant's own
     * chain, so that who looked at what is as tamper-evident as the rest.
     */
    public Uni<AppendResult> recordAccess(Actor actor, String verb, JsonNode details) {
        return append(new NewAuditEvent(actor.tenantId(), UUID.randomUUID(), "io.fieldsales.audit.trail." + verb + ".v1",
                "audit-service", ACCESS_TOPIC, "audit-trail", actor.tenantId().toString(), actor.userId(),
                RequestIds.current(), OffsetDateTime.now(ZoneOffset.UTC), details));
    }
}
