package io.fieldsales.gateway.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A failed login. {@code reason} is for security staff only (the client always sees invalid_credentials):
 * unknown_tenant, unknown_user, wrong_password, disabled_user, disabled_tenant, locked.
 */
public record LoginFailed(UUID tenantId, String tenant, String username, UUID userId, String reason, String clientIp,
        Instant at) {
}
