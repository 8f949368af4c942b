package io.fieldsales.customer.api;

import io.fieldsales.customer.domain.CustomerDetails;
import java.util.List;

/**
 * Body of create and find-or-create. Validation (name 1..200, RFC email up to 254, phone valid for the tenant's
 * region, at least one of email and phone, no control characters) is the domain's CustomerValidator, so that
 * import rows follow exactly the same rules.
 */
public record CustomerRequest(String name, String email, String phone, String externalRef, AddressDto address,
        List<String> tags) {

    CustomerDetails toDetails() {
        return new CustomerDetails(name, email, phone, externalRef, address == null ? null : address.toDomain(), tags);
    }
}
