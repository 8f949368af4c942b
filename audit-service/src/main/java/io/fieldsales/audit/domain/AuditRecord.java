package io.fieldsales.audit.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One stored entry of a tenant's audit trail, exactly as hashed: {@code data} is the JSON text of the stored
 * payload in PostgreSQL's jsonb normal form, with personal data already encrypted.
 */
public record AuditRecord(UUID tenantId, long sequence, UUID eventId, String type, String source, String topic,
        String entityType, String entityId, String actorId, String requestId, OffsetDateTime occurredAt,
        OffsetDateTime receivedAt, String piiSubject, List<String> refs, String data, byte[] prevHash,
        byte[] hash) {

    /** The same record, chained: prevHash and the hash over it and the canonical bytes. */
    public AuditRecord chainedTo(byte[] previousHash) {
        AuditRecord unhashed = new AuditRecord(tenantId, sequence, eventId, type, source, topic, entityType, entityId,
                actorId, requestId, occurredAt, receivedAt, piiSubject, refs, data, previousHash, null);
        return new AuditRecord(tenantId, sequence, eventId, type, source, topic, entityType, entityId, actorId,
                requestId, occurredAt, receivedAt, piiSubject, refs, data, previousHash,
                ChainHash.next(previousHash, CanonicalRecord.of(unhashed)));
    }
}
