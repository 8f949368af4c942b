package io.fieldsales.customer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.customer.domain.Contact;
import io.fieldsales.customer.domain.ContactCanonicalizer;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerChanges;
import io.fieldsales.customer.domain.CustomerPatch;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.customer.domain.CustomerValidationException;
import io.fieldsales.customer.domain.CustomerValidator;
import io.fieldsales.customer.domain.ValidCustomer;
import io.fieldsales.customer.events.CustomerDeleted;
import io.fieldsales.customer.events.CustomerEventTypes;
import io.fieldsales.customer.events.CustomerRestored;
import io.fieldsales.customer.events.CustomerSnapshot;
import io.fieldsales.customer.events.CustomerUpdated;
import io.fieldsales.customer.repository.ContactReservations;
import io.fieldsales.customer.repository.CustomerHistory;
import io.fieldsales.customer.repository.CustomerRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to an existing customer: PATCH, delete and restore (creation is {@link CustomerCreation}). Each method is
 * one transaction that changes the customer, its contact reservations, a history row and one outbox event together.
 */
@ApplicationScoped
public class CustomerService {

    @Inject
    CustomerRepository customers;

    @Inject
    ContactReservations reservations;

    @Inject
    CustomerHistory history;

    @Inject
    Outbox outbox;

    @Inject
    CustomerConfig config;

    @Inject
    CustomerMetrics metrics;

    @Inject
    ObjectMapper json;

    private final CustomerValidator validator = new CustomerValidator(new ContactCanonicalizer());

    /**
     * Applies a JSON merge patch if {@code expectedVersion} is still current (412 otherwise). Contacts that change
     * move their reservations in the same transaction (409 duplicate_contact if the new one is taken). The row lock
     * makes concurrent PATCHes with one version queue up: the first wins, the rest see a newer version.
     */
    @WithTransaction
    public Uni<Customer> patch(Actor actor, UUID id, Long expectedVersion, JsonNode patch) {
        return lockChangeable(actor, id, expectedVersion).chain(c -> {
            ValidCustomer valid;
            try {
                valid = validator.validate(CustomerPatch.apply(c.details(), patch), config.phoneRegion(c.tenantId));
            } catch (CustomerValidationException e) {
                return Uni.createFrom().failure(ProblemException.validation(e.errors()));
            }
            Map<String, Object> before = CustomerChanges.snapshot(c);
            List<Contact> oldContacts = c.ownContacts();
            List<Contact> newContacts = valid.contacts();
            return releaseDropped(c, oldContacts, newContacts)
                    .chain(() -> reservations.reserveAll(c.tenantId,
                            newContacts.stream().filter(n -> !oldContacts.contains(n)).toList(), c.id))
                    .chain(taken -> {
                        if (taken.isPresent()) {
                            return Uni.createFrom().failure(CustomerProblems.duplicateContact(
                                    taken.get().contact().kind().dbValue(), taken.get().ownerId()));
                        }
                        c.apply(valid);
                        Map<String, Object> changes = diff(before, CustomerChanges.snapshot(c));
                        if (changes.isEmpty()) {
                            return Uni.createFrom().item(c);
                        }
                        c.touch(actor.userId(), CustomerChanges.now());
                        return customers.flush()
                                .call(() -> history.record(c.tenantId, c.id, c.version, "updated", actor.userId(),
                                        changes))
                                .call(() -> outbox.append(CustomerEventTypes.event(CustomerEventTypes.UPDATED, actor, c,
                                        new CustomerUpdated(CustomerSnapshot.of(c), List.copyOf(changes.keySet())))))
                                .replaceWith(c);
                    });
        });
    }

    private Uni<Void> releaseDropped(Customer c, List<Contact> oldContacts, List<Contact> newContacts) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Contact old : oldContacts) {
            if (!newContacts.contains(old)) {
                chain = chain.chain(() -> reservations.release(c.tenantId, old, c.id)).replaceWithVoid();
            }
        }
        return chain;
    }

    /** Soft-deletes an active customer and releases its contacts; {@code expectedVersion} is optional here. */
    @WithTransaction
    public Uni<Customer> delete(Actor actor, UUID id, Long expectedVersion) {
        return lockChangeable(actor, id, expectedVersion).chain(c -> {
            Instant now = CustomerChanges.now();
            c.status = CustomerStatus.DELETED;
            c.deletedAt = now;
            c.deletedBy = actor.userId();
            c.touch(actor.userId(), now);
            return reservations.releaseAllOf(c.tenantId, List.of(c.id))
                    .chain(customers::flush)
                    .call(() -> history.record(c.tenantId, c.id, c.version, "deleted", actor.userId(),
                            Map.of("status", CustomerChanges.change("ACTIVE", "DELETED"))))
                    .call(() -> outbox.append(CustomerEventTypes.event(CustomerEventTypes.DELETED, actor, c,
                            new CustomerDeleted(c.id, c.version, now))))
                    .replaceWith(c);
        });
    }

    /** Restores a deleted customer, reserving its contacts again (409 duplicate_contact if one was taken meanwhile). */
    @WithTransaction
    public Uni<Customer> restore(Actor actor, UUID id) {
        return customers.lockInTenant(actor.tenantId(), id).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(CustomerProblems.notFound(id));
            }
            if (c.status != CustomerStatus.DELETED) {
                return Uni.createFrom().failure(CustomerProblems.notDeleted(id, c.status.name()));
            }
            return reservations.reserveAll(c.tenantId, c.ownContacts(), c.id).chain(taken -> {
                if (taken.isPresent()) {
                    return Uni.createFrom().failure(CustomerProblems.duplicateContact(
                            taken.get().contact().kind().dbValue(), taken.get().ownerId()));
                }
                c.status = CustomerStatus.ACTIVE;
                c.deletedAt = null;
                c.deletedBy = null;
                c.touch(actor.userId(), CustomerChanges.now());
                return customers.flush()
                        .call(() -> history.record(c.tenantId, c.id, c.version, "restored", actor.userId(),
                                Map.of("status", CustomerChanges.change("DELETED", "ACTIVE"))))
                        .call(() -> outbox.append(CustomerEventTypes.event(CustomerEventTypes.RESTORED, actor, c,
                                new CustomerRestored(CustomerSnapshot.of(c)))))
                        .replaceWith(c);
            });
        });
    }

    /** Locks an ACTIVE customer of the actor's tenant and checks the expected version. */
    private Uni<Customer> lockChangeable(Actor actor, UUID id, Long expectedVersion) {
        return customers.lockInTenant(actor.tenantId(), id).chain(c -> {
            if (c == null || c.status == CustomerStatus.DELETED) {
                return Uni.createFrom().failure(CustomerProblems.notFound(id));
            }
            if (!c.isActive()) {
                return Uni.createFrom().failure(CustomerProblems.notActive(id, c.status.name(), c.mergedInto));
            }
            if (expectedVersion != null && expectedVersion != c.version) {
                metrics.patchConflict();
                return Uni.createFrom().failure(CustomerProblems.versionConflict(c.version));
            }
            return Uni.createFrom().item(c);
        });
    }

    /** Whether two snapshots differ, compared as JSON (an address record equals its map form). */
    private Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        return CustomerChanges.diff(before, after, value -> {
            try {
                return json.valueToTree(value);
            } catch (IllegalArgumentException e) {
                return value;
            }
        });
    }
}
