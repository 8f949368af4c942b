package io.fieldsales.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A user to create; usernames are case-insensitive (stored lower case). */
public record NewUser(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@+-]{1,64}",
                message = "may contain letters, digits and . _ @ + - only") String username,
        @NotBlank @Size(max = 1024) String password,
        @NotEmpty @Size(max = 7) Set<@NotBlank String> roles) {
}
