package io.fieldsales.customer.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsales.platform.errors.FieldError;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one import row: {@code created}, {@code existing} (find-or-create found its customer),
 * {@code duplicate} (create mode; {@code customerId} is the customer owning the contact) or {@code invalid}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportRowResult(int row, String status, UUID customerId, List<FieldError> errors) {

    public static final String CREATED = "created";
    public static final String EXISTING = "existing";
    public static final String DUPLICATE = "duplicate";
    public static final String INVALID = "invalid";
}
