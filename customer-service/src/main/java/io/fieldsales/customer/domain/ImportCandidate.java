package io.fieldsales.customer.domain;

import java.util.UUID;

/** An import row that passed validation, with the id its customer gets if it is created. */
public record ImportCandidate(int row, ValidCustomer valid, UUID newId) {
}
