package io.fieldsales.platform.context;

import java.util.Set;
import java.util.UUID;

/** Who is acting: taken only from the verified JWT ({@code tenant_id}, {@code sub}, {@code groups}). */
public record Actor(UUID tenantId, String userId, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
