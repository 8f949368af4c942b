package io.fieldsales.audit.api;

import jakarta.validation.constraints.Positive;

/** Optional cap on a purge: never beyond this sequence. */
public record PurgeRequest(@Positive Long upToSequence) {
}
