package io.fieldsales.gateway.api;

import io.fieldsales.gateway.domain.Tenant;
import java.util.UUID;

/** A tenant as a platform admin sees it; {@code version} is its ETag. */
public record TenantView(UUID id, String slug, String name, boolean disabled, long version) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id, t.slug, t.name, t.disabled, t.version);
    }
}
