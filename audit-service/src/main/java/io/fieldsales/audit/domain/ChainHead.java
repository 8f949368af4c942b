package io.fieldsales.audit.domain;

/** The end of a tenant's chain: its last sequence and that record's hash (genesis and 0 when empty). */
public record ChainHead(long lastSequence, byte[] lastHash) {
}
