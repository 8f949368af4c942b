package io.fieldsales.audit.api;

import io.fieldsales.audit.domain.ChainHash;
import io.fieldsales.audit.service.Retention;

/** What a retention purge removed, and the signed checkpoint that anchors the chain after it (null if nothing). */
public record PurgeResult(long purgedCount, Long lastPurgedSequence, String lastPurgedHash, CheckpointView checkpoint) {

    static PurgeResult of(Retention.Purge purge) {
        return new PurgeResult(purge.purgedCount(), purge.lastPurgedSequence(),
                purge.lastPurgedHash() == null ? null : ChainHash.hex(purge.lastPurgedHash()),
                purge.checkpoint() == null ? null : CheckpointView.of(purge.checkpoint()));
    }
}
