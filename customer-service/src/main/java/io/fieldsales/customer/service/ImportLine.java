package io.fieldsales.customer.service;

import io.fieldsales.customer.domain.CustomerDetails;
import io.fieldsales.platform.errors.FieldError;
import java.util.List;

/** One data row of an import file: its number (1-based, blank lines not counted) and its fields or why not. */
public record ImportLine(int row, CustomerDetails details, List<FieldError> parseErrors) {
}
