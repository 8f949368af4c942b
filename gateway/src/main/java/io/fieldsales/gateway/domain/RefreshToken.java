package io.fieldsales.gateway.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One refresh token of a family (a login and its rotations). Only the SHA-256 of the opaque value is stored.
 * {@code rotatedAt} marks a token already exchanged: presenting it again is reuse, which revokes the family.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** When the family (the login) ends, whatever its rotations: no token of it is valid after this. */
    @Column(name = "family_expires_at")
    public OffsetDateTime familyExpiresAt;

    @Column(name = "rotated_at")
    public OffsetDateTime rotatedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
