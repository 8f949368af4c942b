package io.fieldsales.audit.api;

/**
 * The answer of GET /audit/verify: how many records were recomputed, whether the chain holds, and if not the
 * first sequence where it breaks; also the range walked, its last hash, and how many signed checkpoints matched.
 */
public record VerificationResult(long checked, boolean valid, Long firstBrokenSequence, long fromSequence,
        long toSequence, String lastHash, int checkpointsChecked) {
}
