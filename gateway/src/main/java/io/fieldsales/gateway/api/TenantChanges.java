package io.fieldsales.gateway.api;

import jakarta.validation.constraints.NotNull;

/** What a platform admin changes on a tenant: whether it is disabled. */
public record TenantChanges(@NotNull Boolean disabled) {
}
