package io.fieldsales.audit.api;

/** What a retention purge removed, and the signed checkpoint that anchors the chain after it (null if nothing). */
public record PurgeResult(long purgedCount, Long lastPurgedSequence, String lastPurgedHash, CheckpointView checkpoint) {
}
