package io.fieldsales.gateway.repository;

import io.fieldsales.gateway.domain.RefreshToken;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Refresh tokens (stored as hashes, grouped in families), in the caller's transaction. */
@ApplicationScoped
public class RefreshTokens {

    /**
     * Marks the token rotated if it is still usable (not rotated, not revoked, not expired): a compare-and-set, so of
     * two concurrent exchanges exactly one gets 1.
     */
    public Uni<Integer> rotateIfUsable(byte[] tokenHash, OffsetDateTime now) {
        // familyExpiresAt: the absolute lifetime from login, which rotation never extends
        return RefreshToken.update("rotatedAt = ?1 where tokenHash = ?2 and rotatedAt is null and revokedAt is null"
                + " and expiresAt > ?1 and familyExpiresAt > ?1", now, tokenHash);
    }

    public Uni<RefreshToken> byHash(byte[] tokenHash) {
        return RefreshToken.<RefreshToken>find("tokenHash", tokenHash).firstResult();
    }

    public Uni<Integer> revokeFamily(UUID familyId, OffsetDateTime now) {
        return RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    /** Revokes every live refresh token of the tenant's users (the tenant is being disabled). */
    public Uni<Integer> revokeAllOfTenant(UUID tenantId, OffsetDateTime now) {
        return RefreshToken.update("revokedAt = ?1 where tenantId = ?2 and revokedAt is null", now, tenantId);
    }

    public Uni<Integer> revokeAllOfUser(UUID userId, OffsetDateTime now) {
        return RefreshToken.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }
}
