package io.fieldsales.gateway.api;

import java.util.UUID;

public record TenantResponse(UUID id, String slug, String name, UUID adminUserId) {
}
