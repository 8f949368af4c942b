package io.fieldsales.customer.events;

import io.fieldsales.customer.domain.MergeConflict;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code io.fieldsales.customer.merged.v1} (subject: the survivor): the sources are MERGED into the survivor,
 * which now owns their contacts and tags. Consumers re-point references from the source ids to the survivor.
 */
public record CustomerMerged(UUID survivorId, List<UUID> sourceIds, CustomerSnapshot survivor,
        List<MovedContact> movedContacts, List<String> addedTags, Map<String, UUID> filledFields,
        List<MergeConflict> conflicts) {

    /** A contact reservation that moved from a source to the survivor. */
    public record MovedContact(String kind, String value, UUID fromCustomerId) {
    }
}
