package io.fieldsales.audit.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The filters of the event list; null means "any". */
public record EventFilter(UUID tenantId, String entityType, String entityId, String actorId, String type,
        String requestId, OffsetDateTime from, OffsetDateTime to, Long beforeSequence, int limit) {
}
