package io.fieldsales.gateway.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tenant and its first administrator (who then creates the other users). */
public record CreateTenantRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}",
                message = "must be 2 to 63 lower-case letters, digits or dashes") String slug,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid AdminAccount admin) {

    public record AdminAccount(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@+-]{1,64}",
                    message = "may contain letters, digits and . _ @ + - only") String username,
            @NotBlank @Size(max = 1024) String password) {
    }
}
