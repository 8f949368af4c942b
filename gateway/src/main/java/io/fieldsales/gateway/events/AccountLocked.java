package io.fieldsales.gateway.events;

import java.time.Instant;
import java.util.UUID;

/** Too many failed logins: further attempts for the account ({@code scope=account}) or IP ({@code ip}) get 429. */
public record AccountLocked(UUID tenantId, String tenant, String username, String scope, String clientIp,
        long failures, long windowSeconds, Instant at) {
}
