package io.fieldsales.customer.service;

import io.fieldsales.customer.domain.Customer;
import java.util.List;

/**
 * The outcome of a create or find-or-create: the customer, whether it is new, and (for new ones) active customers
 * with nearly the same name that the app should let the rep check.
 */
public record CreatedCustomer(Customer customer, boolean created, List<PossibleDuplicate> possibleDuplicates) {
}
