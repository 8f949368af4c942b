package io.fieldsales.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A partial update: absent fields stay as they are. */
public record UserChanges(@Size(min = 1, max = 7) Set<@NotBlank String> roles, Boolean disabled,
        @Size(max = 1024) String password) {
}
