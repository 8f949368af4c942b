package io.fieldsales.gateway.events;

import java.time.Instant;
import java.util.UUID;

/** A rotated refresh token was presented again (stolen or replayed): its whole family was revoked. */
public record RefreshTokenReused(UUID tenantId, UUID userId, UUID familyId, String clientIp, Instant at) {
}
