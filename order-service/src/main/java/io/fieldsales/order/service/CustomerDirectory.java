package io.fieldsales.order.service;

import io.fieldsales.order.domain.CustomerStanding;
import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.repository.CustomerProjectionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Answers "may this customer order?" from the local projection; for a customer it has not heard of yet it asks
 * customer-service (outside any transaction) and remembers the answer until an event says more. Merged customers
 * resolve to their survivor; deleted, erased or unknown ones are 422 {@code customer_not_active}.
 */
@ApplicationScoped
public class CustomerDirectory {

    private static final int MAX_MERGE_HOPS = 8;

    @Inject
    CustomerProjectionRepository projection;

    @Inject
    RemoteCustomers remote;

    /** The active customer (the survivor if {@code id} was merged); call it outside a transaction. */
    public Uni<CustomerStanding> activeCustomer(UUID tenant, UUID id, String authorization) {
        return resolve(tenant, id, authorization, 0);
    }

    private Uni<CustomerStanding> resolve(UUID tenant, UUID id, String authorization, int hops) {
        return Panache.withSession(() -> projection.find(tenant, id))
                .chain(known -> known != null ? Uni.createFrom().item(known)
                        : remote.fetch(id, authorization).call(answer -> "UNKNOWN".equals(answer.status())
                                ? Uni.createFrom().voidItem()
                                : Panache.withTransaction(() -> projection.remember(tenant, answer))))
                .chain(c -> {
                    if (c.merged() && hops < MAX_MERGE_HOPS) {
                        return resolve(tenant, c.survivorId(), authorization, hops + 1);
                    }
                    if (!c.active()) {
                        return Uni.createFrom().failure(new RuleViolation("customer_not_active",
                                "Customer " + id + " is " + c.status().toLowerCase() + ", not active"));
                    }
                    return Uni.createFrom().item(c);
                });
    }
}
