package io.fieldsales.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.audit.domain.EventTypes;
import io.fieldsales.audit.domain.NewAuditEvent;
import io.fieldsales.audit.service.AppendResult;
import io.fieldsales.audit.service.AuditTrail;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Appends events straight through the service's append path (what the consumers call), for API tests. */
public final class Seed {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Seed() {
    }

    public static long append(AuditTrail trail, UUID tenant, String topic, String type, String entityId, String actor,
            String requestId, String data) {
        try {
            AppendResult r = trail.append(new NewAuditEvent(tenant, UUID.randomUUID(), type, "/test", topic,
                            EventTypes.entityType(type), entityId, actor, requestId, OffsetDateTime.now(ZoneOffset.UTC),
                            JSON.readTree(data)))
                    .await().atMost(Duration.ofSeconds(10));
            return r.sequence();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static long customer(AuditTrail trail, UUID tenant, String verb, String customerId, String data) {
        return append(trail, tenant, "customer.events", "io.fieldsales.customer." + verb + ".v1", customerId, "rep-1",
                null, data);
    }
}
