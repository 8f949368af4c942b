package io.fieldsales.customer.domain;

import io.fieldsales.platform.errors.FieldError;
import java.util.List;

/** Customer fields that break the rules, each with the field it concerns. */
public class CustomerValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public CustomerValidationException(List<FieldError> errors) {
        super("invalid customer: " + errors, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
