package io.fieldsales.audit.api;

import io.fieldsales.audit.domain.AuditRecord;
import io.fieldsales.audit.domain.CanonicalRecord;
import io.fieldsales.audit.domain.ChainHash;

/**
 * One NDJSON line of the export: the canonical text of a record (exactly the bytes hashed, UTF-8) with the hash
 * it links to and its own hash, so that offline {@code hash == SHA-256(hex(prevHash) || canonical)} and
 * {@code prevHash == previous line's hash} can be checked with any SHA-256 tool.
 */
public record ExportLine(long sequence, String prevHash, String hash, String canonical) {

    static ExportLine of(AuditRecord r) {
        return new ExportLine(r.sequence(), ChainHash.hex(r.prevHash()), ChainHash.hex(r.hash()),
                CanonicalRecord.of(r));
    }
}
