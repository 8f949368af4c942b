package io.fieldsales.customer.service;

import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerChanges;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.customer.events.CustomerErased;
import io.fieldsales.customer.events.CustomerEventTypes;
import io.fieldsales.customer.repository.ContactReservations;
import io.fieldsales.customer.repository.CustomerHistory;
import io.fieldsales.customer.repository.CustomerRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.idempotency.IdempotentRequests;
import io.fieldsales.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * GDPR erasure: irreversibly anonymizes a customer and every customer merged into it (they describe the same
 * person), releases their contacts, redacts what their history and outbox rows (sent or not) say, deletes the
 * stored Idempotency-Key responses that name them, and
 * publishes one {@code customer.erased} event without personal data. The rows stay, so ids keep resolving.
 */
@ApplicationScoped
public class CustomerPrivacyService {

    public static final String ERASED_NAME = "[erased]";

    @Inject
    CustomerRepository customers;

    @Inject
    ContactReservations reservations;

    @Inject
    CustomerHistory history;

    @Inject
    Outbox outbox;

    @Inject
    IdempotentRequests idempotency;

    /** Erases; a customer already erased is left as it is (no second event). Emits the erased customer. */
    @WithTransaction
    public Uni<Customer> erase(Actor actor, UUID id) {
        UUID tenant = actor.tenantId();
        return customers.mergedIntoTransitively(tenant, id).chain(merged -> {
            TreeSet<UUID> all = new TreeSet<>(merged);
            all.add(id);
            return customers.lockAllInIdOrder(tenant, all).chain(locked -> {
                Customer target = locked.stream().filter(c -> c.id.equals(id)).findFirst().orElse(null);
                if (target == null) {
                    return Uni.createFrom().failure(CustomerProblems.notFound(id));
                }
                if (target.status == CustomerStatus.ERASED) {
                    return Uni.createFrom().item(target);
                }
                Instant now = CustomerChanges.now();
                List<UUID> ids = locked.stream().map(c -> c.id).toList();
                List<UUID> alsoErased = new ArrayList<>(ids);
                alsoErased.remove(id);
                for (Customer c : locked) {
                    anonymize(c, actor.userId(), now);
                }
                return reservations.releaseAllOf(tenant, ids)
                        .chain(customers::flush)
                        .chain(() -> customers.clearMergeConflicts(tenant, ids))
                        .chain(() -> history.redact(tenant, ids))
                        .chain(() -> outbox.redact(CustomerEventTypes.AGGREGATE, ids.stream().map(UUID::toString).toList()))
                        .chain(() -> idempotency.forgetResponsesMentioning(tenant,
                                ids.stream().map(UUID::toString).toList()))
                        .chain(() -> recordErasures(actor, locked))
                        .chain(() -> outbox.append(CustomerEventTypes.event(CustomerEventTypes.ERASED, actor, target,
                                new CustomerErased(id, alsoErased, target.version, now))))
                        .replaceWith(target);
            });
        });
    }

    private Uni<Void> recordErasures(Actor actor, List<Customer> erased) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Customer c : erased) {
            chain = chain.chain(() -> history.record(c.tenantId, c.id, c.version, "erased", actor.userId(), Map.of()));
        }
        return chain;
    }

    private static void anonymize(Customer c, String actor, Instant now) {
        c.name = ERASED_NAME;
        c.email = null;
        c.emailCanonical = null;
        c.emailLocal = null;
        c.phone = null;
        c.phoneCanonical = null;
        c.phoneNational = null;
        c.externalRef = null;
        c.addressLines = new String[0];
        c.addressCity = null;
        c.addressPostalCode = null;
        c.addressCountry = null;
        c.tags = new String[0];
        c.status = CustomerStatus.ERASED;
        c.touch(actor, now);
    }
}
