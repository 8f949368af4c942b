package io.fieldsales.platform.errors;

/** One invalid field of a request, as listed in a {@code validation_failed} problem. */
public record FieldError(String field, String message) {
}
