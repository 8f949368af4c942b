package io.fieldsales.platform.errors;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One invalid field of a request, as listed in a {@code validation_failed} problem. */
@RegisterForReflection
public record FieldError(String field, String message) {
}
