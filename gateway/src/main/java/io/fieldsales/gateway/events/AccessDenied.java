package io.fieldsales.gateway.events;

import java.time.Instant;
import java.util.UUID;

/** An authenticated caller was refused (403): missing role, no tenant, or another tenant's resource. */
public record AccessDenied(UUID tenantId, String userId, String method, String path, String code, String clientIp,
        Instant at) {
}
