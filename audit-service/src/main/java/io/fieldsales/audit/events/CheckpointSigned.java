package io.fieldsales.audit.events;

import java.util.UUID;

/**
 * Payload of {@code io.fieldsales.audit.checkpoint.signed.v1} on {@code audit.checkpoints}: the signed statement
 * and everything needed to check it away from this service's database.
 */
public record CheckpointSigned(UUID checkpointId, UUID tenantId, String kind, long sequence, String hash,
        String signedAt, String keyId, String algorithm, String publicKey, String statement, String signature) {
}
