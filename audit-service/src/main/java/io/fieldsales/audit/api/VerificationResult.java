package io.fieldsales.audit.api;

import io.fieldsales.audit.domain.ChainHash;
import io.fieldsales.audit.service.ChainVerification;

/**
 * The answer of GET /audit/verify: how many records were recomputed, whether the chain holds, and if not the
 * first sequence where it breaks; also the range walked, its last hash, and how many signed checkpoints matched.
 */
public record VerificationResult(long checked, boolean valid, Long firstBrokenSequence, long fromSequence,
        long toSequence, String lastHash, int checkpointsChecked) {

    static VerificationResult of(ChainVerification.Outcome o) {
        return new VerificationResult(o.checked(), o.valid(), o.firstBrokenSequence(), o.fromSequence(),
                o.toSequence(), ChainHash.hex(o.lastHash()), o.checkpointsChecked());
    }
}
