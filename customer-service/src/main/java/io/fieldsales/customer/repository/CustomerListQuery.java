package io.fieldsales.customer.repository;

import io.fieldsales.customer.domain.CustomerStatus;
import java.util.Set;
import java.util.UUID;

/**
 * A page request over a tenant's customers: statuses to include, optional search text (name contains, email
 * prefix, canonical phone prefix), optional tag, and the keyset position (last id of the previous page).
 */
public record CustomerListQuery(UUID tenantId, Set<CustomerStatus> statuses, String nameOrEmail, String phonePrefix,
        String tag, UUID after, int limit) {
}
