package io.fieldsales.audit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.audit.domain.AuditRecord;
import io.fieldsales.audit.domain.ChainHash;
import io.fieldsales.audit.service.AuditReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One audit record as the API shows it: personal data decrypted, or "[erased]" once shredded. */
public record AuditEventView(long sequence, UUID eventId, String type, String source, String topic,
        String entityType, String entityId, String actorId, String requestId, OffsetDateTime occurredAt,
        OffsetDateTime receivedAt, List<String> refs, JsonNode data, String prevHash, String hash) {

    static AuditEventView of(AuditReader.RevealedEvent e) {
        AuditRecord r = e.record();
        return new AuditEventView(r.sequence(), r.eventId(), r.type(), r.source(), r.topic(), r.entityType(),
                r.entityId(), r.actorId(), r.requestId(), r.occurredAt(), r.receivedAt(), r.refs(), e.data(),
                ChainHash.hex(r.prevHash()), ChainHash.hex(r.hash()));
    }
}
