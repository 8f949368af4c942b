package io.fieldsales.gateway.api;

import java.util.Set;
import java.util.UUID;

public record MeResponse(String userId, UUID tenantId, String username, Set<String> roles) {
}
