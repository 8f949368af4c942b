package io.fieldsales.audit.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A signed statement "the chain of this tenant had this hash at this sequence at this time". */
public record Checkpoint(UUID id, UUID tenantId, String kind, long sequence, byte[] hash, OffsetDateTime signedAt,
        String keyId, String algorithm, String publicKey, String statement, byte[] signature) {

    public static final String SCHEDULED = "scheduled";
    public static final String ON_DEMAND = "on_demand";
    public static final String PURGE = "purge";

    public boolean signatureValid() {
        return CheckpointSigner.verify(statement, signature, publicKey);
    }
}
