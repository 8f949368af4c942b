package io.fieldsales.customer.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What folding customers into a survivor changed: fields the survivor lacked and took over (field -> source id),
 * tags it gained, and fields that conflicted.
 */
public record MergeOutcome(Map<String, UUID> filledFields, List<String> addedTags, List<MergeConflict> conflicts) {
}
