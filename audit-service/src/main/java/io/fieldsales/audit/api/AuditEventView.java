package io.fieldsales.audit.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One audit record as the API shows it: personal data decrypted, or "[erased]" once shredded. */
public record AuditEventView(long sequence, UUID eventId, String type, String source, String topic,
        String entityType, String entityId, String actorId, String requestId, OffsetDateTime occurredAt,
        OffsetDateTime receivedAt, List<String> refs, JsonNode data, String prevHash, String hash) {
}
