package io.fieldsales.audit.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** A tenant's retention: records older than this many days are purged (null when kept forever). */
public record RetentionSettings(@NotNull @PositiveOrZero @Max(36500) Integer days) {
}
