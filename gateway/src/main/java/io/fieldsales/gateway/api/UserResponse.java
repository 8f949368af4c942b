package io.fieldsales.gateway.api;

import io.fieldsales.gateway.domain.AppUser;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

public record UserResponse(UUID id, UUID tenantId, String username, Set<String> roles, boolean disabled,
        long version, OffsetDateTime createdAt) {

    public static UserResponse of(AppUser u) {
        return new UserResponse(u.id, u.tenantId, u.username, u.roleSet(), u.disabled, u.version, u.createdAt);
    }
}
