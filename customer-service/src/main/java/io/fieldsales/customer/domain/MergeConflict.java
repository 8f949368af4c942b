package io.fieldsales.customer.domain;

import java.util.UUID;

/**
 * A field on which a merged customer disagreed with the survivor: the survivor keeps its value, the merged
 * customer's value stays on the merged record and is listed here (and in the merge event).
 */
public record MergeConflict(UUID sourceId, String field, Object survivorValue, Object sourceValue) {
}
