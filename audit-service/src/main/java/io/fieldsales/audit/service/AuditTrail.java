package io.fieldsales.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.audit.domain.AuditRecord;
import io.fieldsales.audit.domain.CanonicalRecord;
import io.fieldsales.audit.domain.ChainHead;
import io.fieldsales.audit.domain.DataKeys;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Appends events to their tenants' hash chains, a whole batch in ONE transaction (the consumer hands over what one
 * poll of Kafka returned; a single append is a batch of one):
 * <ol>
 * <li>deduplicate within the batch (event id and source), then fetch or create the data key of every personal-data
 * subject of the batch in one statement and encrypt each personal value under its subject's key (a subject erased by
 * an earlier event of the batch gets "[erased]", as it would in separate transactions);</li>
 * <li>in one round trip, learn which events are stored already (redeliveries: skipped, not failed) and every
 * payload's jsonb normal form (what the hash covers);</li>
 * <li>lock the chain heads of the batch's tenants (one lock per tenant per batch, in tenant order, so batches sharing
 * tenants never wait on each other crosswise: appends of one tenant stay serialized whichever consumer or replica runs
 * them), chain the records in memory in batch order (which keeps each partition's order), and insert them all and
 * move the heads in ONE statement;</li>
 * <li>a customer.erased event destroys, in the same transaction, the keys of the customer and of every customer
 * merged into it ({@link ErasedSubjects}).</li>
 * </ol>
 * A redelivery racing its first delivery in another transaction fails the batch on the unique (event id, source);
 * the batch is then run again at once (up to {@value #RACE_ATTEMPTS} times), when that event reads as stored. Nothing
 * of a failed batch is stored: the caller retries it whole.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String ACCESS_TOPIC = "audit.api";
    static final String EVENT_ID_UNIQUE = "audit_event_event_id_source_uq";
    static final int RACE_ATTEMPTS = 3;

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
        return appendAll(List.of(event)).map(results -> results.get(0));
    }

    /** Appends a batch in one transaction; one result per event, in order (a duplicate is not stored again). */
    public Uni<List<AppendResult>> appendAll(List<NewAuditEvent> batch) {
        return appendAll(batch, RACE_ATTEMPTS);
    }

    private Uni<List<AppendResult>> appendAll(List<NewAuditEvent> batch, int attemptsLeft) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(c -> appendIn(c, batch))
                // the same event id and source stored meanwhile by another transaction: run again, it now reads as
                // stored (whatever tenant it claims)
                .onFailure(f -> attemptsLeft > 1
                        && DatabaseErrors.uniqueViolation(f).filter(EVENT_ID_UNIQUE::equals).isPresent())
                .recoverWithUni(() -> appendAll(batch, attemptsLeft - 1))
                .onFailure().transform(DatabaseErrors::classify);
    }

    private Uni<List<AppendResult>> appendIn(SqlConnection c, List<NewAuditEvent> batch) {
        // first delivery of each (event id, source) within the batch; later copies are duplicates
        List<NewAuditEvent> unique = new ArrayList<>(batch.size());
        Set<EventKey> seen = new HashSet<>();
        for (NewAuditEvent e : batch) {
            if (seen.add(new EventKey(e.eventId(), e.source()))) {
                unique.add(e);
            }
        }
        return protect(c, unique).chain(data -> events.prepareAll(c,
                        unique.stream().map(NewAuditEvent::eventId).toList(),
                        unique.stream().map(NewAuditEvent::source).toList(),
                        data.stream().map(ProtectedData::json).toList())
                .chain(preparations -> {
                    List<Integer> fresh = new ArrayList<>();
                    for (int i = 0; i < unique.size(); i++) {
                        if (!preparations.get(i).alreadyStored()) {
                            fresh.add(i);
                        }
                    }
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().item(results(batch, Map.of()));
                    }
                    return events.lockHeads(c, fresh.stream().map(i -> unique.get(i).tenantId()).toList())
                            .chain(locked -> store(c, unique, data, preparations, fresh, locked))
                            .map(sequences -> results(batch, sequences));
                }));
    }

    private record EventKey(UUID eventId, String source) {
    }

    /** Chains the fresh events onto their tenants' locked heads, in batch order, and writes them in one statement. */
    private Uni<Map<EventKey, Long>> store(SqlConnection c, List<NewAuditEvent> unique, List<ProtectedData> data,
            List<AuditEventRepository.Preparation> preparations, List<Integer> fresh,
            AuditEventRepository.LockedHeads locked) {
        Map<UUID, ChainHead> heads = new HashMap<>(locked.heads());
        OffsetDateTime receivedAt = CanonicalRecord.storable(locked.now());
        List<AuditRecord> records = new ArrayList<>(fresh.size());
        Map<EventKey, Long> sequences = new HashMap<>();
        List<SubjectKeyRepository.SubjectRef> erased = new ArrayList<>();
        for (int i : fresh) {
            NewAuditEvent e = unique.get(i);
            ChainHead head = heads.get(e.tenantId());
            long sequence = head.lastSequence() + 1;
            AuditRecord record = new AuditRecord(e.tenantId(), sequence, e.eventId(), e.type(), e.source(), e.topic(),
                    e.entityType(), e.entityId(), e.actorId(), e.requestId(), CanonicalRecord.storable(e.occurredAt()),
                    receivedAt, data.get(i).piiSubject(), EntityReferences.of(e.data(), e.entityType(), e.entityId()),
                    preparations.get(i).normalizedData(), null, null)
                    .chainedTo(head.lastHash());
            heads.put(e.tenantId(), new ChainHead(sequence, record.hash()));
            records.add(record);
            sequences.put(new EventKey(e.eventId(), e.source()), sequence);
            for (String subject : ErasedSubjects.of(e)) {
                erased.add(new SubjectKeyRepository.SubjectRef(e.tenantId(), dataKeys.storedSubject(e.tenantId(), subject)));
            }
        }
        Uni<Void> write = events.appendAll(c, records);
        for (SubjectKeyRepository.SubjectRef subject : erased) {
            write = write.chain(() -> subjectKeys.destroy(c, subject.tenantId(), subject.subject()));
        }
        return write.replaceWith(sequences);
    }

    /** One result per event of the batch: its sequence if this batch stored it, else a duplicate. */
    private static List<AppendResult> results(List<NewAuditEvent> batch, Map<EventKey, Long> sequences) {
        List<AppendResult> out = new ArrayList<>(batch.size());
        Map<EventKey, Long> unclaimed = new HashMap<>(sequences);
        for (NewAuditEvent e : batch) {
            Long sequence = unclaimed.remove(new EventKey(e.eventId(), e.source()));
            out.add(sequence == null ? AppendResult.duplicate() : new AppendResult(true, sequence));
        }
        return out;
    }

    /** The stored data and the record's main personal-data subject (null when it holds no personal data). */
    private record ProtectedData(String json, String piiSubject) {
    }

    /**
     * The data to store for each event: each personal value (as {@link PersonalDataCatalog} declares them) encrypted
     * under its own subject's key, or "[erased]" once that key is destroyed (or erased by an earlier event of the
     * batch). The keys of the whole batch are fetched or created in one statement.
     */
    private Uni<List<ProtectedData>> protect(SqlConnection c, List<NewAuditEvent> batch) {
        List<JsonNode> copies = new ArrayList<>(batch.size());
        List<List<PersonalDataCatalog.PersonalValue>> located = new ArrayList<>(batch.size());
        TreeMap<String, SubjectKeyRepository.SubjectRef> wanted = new TreeMap<>();
        for (NewAuditEvent e : batch) {
            JsonNode data = e.data() == null ? null : e.data().deepCopy();
            List<PersonalDataCatalog.PersonalValue> values = PersonalDataCatalog.locate(e, data).stream()
                    .map(v -> new PersonalDataCatalog.PersonalValue(v.holder(), v.field(),
                            dataKeys.storedSubject(e.tenantId(), v.subject())))
                    .toList();
            copies.add(data);
            located.add(values);
            for (PersonalDataCatalog.PersonalValue v : values) {
                wanted.putIfAbsent(e.tenantId() + "|" + v.subject(),
                        new SubjectKeyRepository.SubjectRef(e.tenantId(), v.subject()));
            }
        }
        List<SubjectKeyRepository.SubjectRef> subjects = List.copyOf(wanted.values());
        List<DataKeys.NewKey> candidates = subjects.stream()
                .map(s -> dataKeys.newKey(s.tenantId(), s.subject())).toList();
        return subjectKeys.getOrCreateAll(c, subjects, candidates.stream().map(DataKeys.NewKey::wrapped).toList())
                .map(wrapped -> {
            Map<SubjectKeyRepository.SubjectRef, SecretKey> keys = new HashMap<>();
            for (int i = 0; i < subjects.size(); i++) {
                // a key this batch created is used as generated, not unwrapped again
                Optional<byte[]> stored = wrapped.get(subjects.get(i));
                if (stored != null && stored.isPresent()
                        && java.util.Arrays.equals(stored.get(), candidates.get(i).wrapped())) {
                    keys.put(subjects.get(i), candidates.get(i).key());
                }
            }
            Set<SubjectKeyRepository.SubjectRef> erasedSoFar = new HashSet<>();
            List<ProtectedData> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                NewAuditEvent e = batch.get(i);
                List<PersonalDataCatalog.PersonalValue> values = located.get(i);
                if (values.isEmpty()) {
                    out.add(new ProtectedData(write(copies.get(i)), null));
                } else {
                    PersonalData.protect(values, subject -> {
                        SubjectKeyRepository.SubjectRef ref = new SubjectKeyRepository.SubjectRef(e.tenantId(), subject);
                        if (erasedSoFar.contains(ref)) {
                            return null;
                        }
                        return keys.computeIfAbsent(ref, r -> {
                            Optional<byte[]> key = wrapped.get(r);
                            if (key == null) {
                                throw new IllegalStateException("no data key row for a subject of the batch");
                            }
                            return key.map(w -> dataKeys.unwrap(w, r.tenantId(), r.subject())).orElse(null);
                        });
                    }, e.tenantId(), e.eventId(), json);
                    List<String> own = values.stream().map(PersonalDataCatalog.PersonalValue::subject).distinct()
                            .sorted().toList();
                    String main = dataKeys.storedSubject(e.tenantId(), e.personalDataSubject());
                    out.add(new ProtectedData(write(copies.get(i)), own.contains(main) ? main : own.get(0)));
                }
                for (String subject : ErasedSubjects.of(e)) {
                    erasedSoFar.add(new SubjectKeyRepository.SubjectRef(e.tenantId(),
                            dataKeys.storedSubject(e.tenantId(), subject)));
                }
            }
            return out;
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
