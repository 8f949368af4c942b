package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.AppUser;
import io.fieldsales.gateway.domain.Tenant;

/** A new tenant and its first admin. */
public record CreatedTenant(Tenant tenant, AppUser admin) {
}
