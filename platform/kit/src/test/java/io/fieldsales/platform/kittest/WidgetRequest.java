package io.fieldsales.platform.kittest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record WidgetRequest(@NotBlank @Size(max = 20) String name, @Size(max = 5) String colour) {
}
