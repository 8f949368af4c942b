package io.fieldsales.order.domain;

import java.util.List;
import java.util.UUID;

/**
 * A customer as order-service knows it (the projection of customer.events): only ACTIVE customers may order;
 * a MERGED one is served through its survivor.
 */
public record CustomerStanding(UUID customerId, String status, String name, List<String> tags, UUID survivorId) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean merged() {
        return "MERGED".equals(status) && survivorId != null;
    }
}
