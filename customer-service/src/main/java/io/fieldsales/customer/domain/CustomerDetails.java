package io.fieldsales.customer.domain;

import java.util.List;

/**
 * What a person says about a customer: the fields a create, a PATCH or an import row carries, before validation.
 * Null means absent.
 */
public record CustomerDetails(String name, String email, String phone, String externalRef, Address address,
        List<String> tags) {

    public CustomerDetails {
        address = address == null ? Address.EMPTY : address;
        tags = tags == null ? List.of() : tags;
    }
}
