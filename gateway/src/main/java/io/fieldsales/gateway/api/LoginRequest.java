package io.fieldsales.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code tenant} is the tenant's slug; absent for platform users. */
public record LoginRequest(@Size(max = 63) String tenant, @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 1024) String password) {
}
