package io.fieldsales.customer.events;

import io.fieldsales.customer.domain.Address;
import io.fieldsales.customer.domain.Customer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The customer as events carry it (created, restored, updated): what other services need to show and match it. */
public record CustomerSnapshot(UUID id, String name, String email, String phone, String externalRef,
        Address address, List<String> tags, String status, UUID mergedInto, long version, Instant updatedAt) {

    public static CustomerSnapshot of(Customer c) {
        return new CustomerSnapshot(c.id, c.name, c.emailCanonical, c.phoneCanonical, c.externalRef, c.address(),
                c.tagList(), c.status.name(), c.mergedInto, c.version, c.updatedAt);
    }
}
