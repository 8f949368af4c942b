package io.fieldsales.customer.api;

import io.fieldsales.customer.domain.Address;
import java.util.List;

/** An address as the API carries it. */
public record AddressDto(List<String> lines, String city, String postalCode, String country) {

    Address toDomain() {
        return new Address(lines, city, postalCode, country);
    }

    static AddressDto of(Address a) {
        return a.isEmpty() ? null : new AddressDto(a.lines(), a.city(), a.postalCode(), a.country());
    }
}
