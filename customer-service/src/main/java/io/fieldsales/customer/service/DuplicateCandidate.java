package io.fieldsales.customer.service;

import java.util.List;
import java.util.UUID;

/** A customer that is probably the same as another, with a score (0..1) and the signals behind it. */
public record DuplicateCandidate(UUID customerId, String name, double score, List<Reason> reasons) {

    /** One signal: {@code similar_name} (with its trigram similarity), {@code same_phone_national_number},
     * {@code same_email_local_part} or {@code same_external_ref}. */
    public record Reason(String reason, double score) {
    }
}
