package io.fieldsales.audit.api;

import io.fieldsales.audit.domain.CanonicalRecord;
import io.fieldsales.audit.domain.ChainHash;
import io.fieldsales.audit.domain.Checkpoint;
import java.util.Base64;
import java.util.UUID;

/** A signed checkpoint: verify {@code signature} (base64) over the UTF-8 {@code statement} with {@code publicKey}. */
public record CheckpointView(UUID id, String kind, long sequence, String hash, String signedAt, String keyId,
        String algorithm, String publicKey, String statement, String signature) {

    public static CheckpointView of(Checkpoint c) {
        return c == null ? null : new CheckpointView(c.id(), c.kind(), c.sequence(), ChainHash.hex(c.hash()),
                CanonicalRecord.time(c.signedAt()), c.keyId(), c.algorithm(), c.publicKey(), c.statement(),
                Base64.getEncoder().encodeToString(c.signature()));
    }
}
