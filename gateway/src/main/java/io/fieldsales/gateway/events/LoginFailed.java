package io.fieldsales.gateway.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A failed login. {@code reason} is for security staff only (the client always sees invalid_credentials):
 * unknown_tenant, unknown_user, wrong_password, disabled_user, disabled_tenant, locked (refused before any password
 * check because a failed-login budget ran out: {@code budget} says which, {@code account_ip}, {@code account} or
 * {@code ip}; null for the other reasons).
 */
public record LoginFailed(UUID tenantId, String tenant, String username, UUID userId, String reason, String budget,
        String clientIp, Instant at) {
}
