package io.fieldsales.customer.domain;

/** The life of a customer record. Only ACTIVE customers own contacts; no status ever deletes the row. */
public enum CustomerStatus {
    /** In use: owns its contacts, listed, orderable. */
    ACTIVE,
    /** Folded into another customer ({@code mergedInto}); its id keeps resolving there. */
    MERGED,
    /** Soft-deleted: contacts released, hidden from lists and reads; can be restored. */
    DELETED,
    /** Anonymized for GDPR: irreversible. */
    ERASED
}
