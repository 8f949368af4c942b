package io.fieldsales.customer.domain;

import java.util.List;

/** A postal address: free lines, city, postal code and ISO 3166-1 alpha-2 country. */
public record Address(List<String> lines, String city, String postalCode, String country) {

    public static final Address EMPTY = new Address(List.of(), null, null, null);

    public Address {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty() && city == null && postalCode == null && country == null;
    }
}
