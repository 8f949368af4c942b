package io.fieldsales.gateway.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A platform admin disabled ({@code tenant.disabled.v1}) or re-enabled ({@code tenant.enabled.v1}) a tenant.
 * Disabling revoked {@code refreshTokensRevoked} refresh tokens of its users.
 */
public record TenantStatusChanged(UUID tenantId, String tenant, boolean disabled, long version, String changedBy,
        int refreshTokensRevoked, Instant at) {
}
