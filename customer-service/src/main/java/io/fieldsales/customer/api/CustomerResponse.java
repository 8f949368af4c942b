package io.fieldsales.customer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.service.PossibleDuplicate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer as the API shows it: the contacts as given and in canonical form, its status ({@code mergedInto} for
 * MERGED ones), its version (also the ETag) and, right after a create, near-twins worth a look.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerResponse(UUID id, String name, String email, String emailCanonical, String phone,
        String phoneE164, String externalRef, AddressDto address, List<String> tags, String status, UUID mergedInto,
        long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Instant deletedAt,
        String deletedBy, List<PossibleDuplicate> possibleDuplicates) {

    static CustomerResponse of(Customer c) {
        return of(c, null);
    }

    static CustomerResponse of(Customer c, List<PossibleDuplicate> possibleDuplicates) {
        return new CustomerResponse(c.id, c.name, c.email, c.emailCanonical, c.phone, c.phoneCanonical, c.externalRef,
                AddressDto.of(c.address()), c.tagList(), c.status.name(), c.mergedInto, c.version, c.createdAt,
                c.createdBy, c.updatedAt, c.updatedBy, c.deletedAt, c.deletedBy,
                possibleDuplicates == null || possibleDuplicates.isEmpty() ? null : possibleDuplicates);
    }
}
