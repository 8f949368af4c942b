package io.fieldsales.gateway.api;

import io.fieldsales.gateway.service.CreatedTenant;

import java.util.UUID;

public record TenantResponse(UUID id, String slug, String name, UUID adminUserId) {

    static TenantResponse of(CreatedTenant created) {
        return new TenantResponse(created.tenant().id, created.tenant().slug, created.tenant().name,
                created.admin().id);
    }
}
