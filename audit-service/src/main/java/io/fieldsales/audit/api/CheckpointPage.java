package io.fieldsales.audit.api;

import java.util.List;

/** Signed checkpoints newest first, with the key this instance signs with now. */
public record CheckpointPage(List<CheckpointView> items, String nextCursor, SigningKey signingKey) {

    public record SigningKey(String keyId, String algorithm, String publicKey) {
    }
}
