package io.fieldsales.customer.service;

import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.customer.domain.ContactCanonicalizer;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerChanges;
import io.fieldsales.customer.domain.CustomerDetails;
import io.fieldsales.customer.domain.CustomerIds;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.customer.domain.CustomerValidationException;
import io.fieldsales.customer.domain.CustomerValidator;
import io.fieldsales.customer.domain.ValidCustomer;
import io.fieldsales.customer.events.CustomerCreated;
import io.fieldsales.customer.events.CustomerEventTypes;
import io.fieldsales.customer.events.CustomerSnapshot;
import io.fieldsales.customer.repository.ContactReservations;
import io.fieldsales.customer.repository.CustomerHistory;
import io.fieldsales.customer.repository.CustomerReads;
import io.fieldsales.customer.repository.CustomerRepository;
import io.fieldsales.customer.repository.DuplicateQueries;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * New customers: validation, create and find-or-create. A create is one transaction that reserves the contacts,
 * inserts the customer, its history row and its outbox event; the contact reservations decide every race.
 */
@ApplicationScoped
public class CustomerCreation {

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
    CustomerReads reads;

    @Inject
    DuplicateQueries duplicates;

    @Inject
    CustomerMetrics metrics;

    private final CustomerValidator validator = new CustomerValidator(new ContactCanonicalizer());

    /** Validates a customer's fields for the actor's tenant (phone region); 400 validation_failed otherwise. */
    public ValidCustomer validate(Actor actor, CustomerDetails details) {
        try {
            return validator.validate(details, config.phoneRegion(actor.tenantId()));
        } catch (CustomerValidationException e) {
            throw ProblemException.validation(e.errors());
        }
    }

    /** Creates a customer; 409 duplicate_contact if another customer owns one of its contacts. */
    @WithTransaction
    public Uni<CreatedCustomer> create(Actor actor, ValidCustomer valid) {
        UUID id = CustomerIds.next();
        return reservations.reserveAll(actor.tenantId(), valid.contacts(), id).chain(taken -> {
            if (taken.isPresent()) {
                metrics.duplicateDetected(CustomerMetrics.Path.CREATE);
                return Uni.createFrom().failure(CustomerProblems.duplicateContact(
                        taken.get().contact().kind().dbValue(), taken.get().ownerId()));
            }
            return insert(actor, id, valid, CustomerMetrics.Path.CREATE);
        });
    }

    /**
     * The customer owning one of these contacts (email first, following merges to the survivor), or a new one.
     * Concurrent identical calls converge on one customer: the contact's reservation decides which call creates.
     */
    public Uni<CreatedCustomer> findOrCreate(Actor actor, ValidCustomer valid) {
        // Fast path without a transaction: most calls are for customers that exist (a rep revisiting a shop).
        return reads.ownerOfAny(actor.tenantId(), valid.contacts()).chain(owner -> owner.isEmpty()
                ? Uni.createFrom().item(Optional.<Customer>empty())
                : Survivors.survivor(owner.get(), next -> reads.byId(actor.tenantId(), next))).chain(existing -> {
            if (existing.isPresent()) {
                metrics.duplicateDetected(CustomerMetrics.Path.FIND_OR_CREATE);
                return Uni.createFrom().item(new CreatedCustomer(existing.get(), false, List.of()));
            }
            return Panache.withTransaction(() -> findOrCreateInTransaction(actor, valid));
        });
    }

    private Uni<CreatedCustomer> findOrCreateInTransaction(Actor actor, ValidCustomer valid) {
        UUID id = CustomerIds.next();
        return reservations.reserveAll(actor.tenantId(), valid.contacts(), id).chain(taken -> {
            if (taken.isEmpty()) {
                return insert(actor, id, valid, CustomerMetrics.Path.FIND_OR_CREATE);
            }
            metrics.duplicateDetected(CustomerMetrics.Path.FIND_OR_CREATE);
            return survivorOf(actor.tenantId(), taken.get().ownerId())
                    .map(existing -> new CreatedCustomer(existing, false, List.of()));
        });
    }

    private Uni<CreatedCustomer> insert(Actor actor, UUID id, ValidCustomer valid, CustomerMetrics.Path path) {
        Instant now = CustomerChanges.now();
        Customer c = new Customer();
        c.id = id;
        c.tenantId = actor.tenantId();
        c.apply(valid);
        c.status = CustomerStatus.ACTIVE;
        c.createdAt = now;
        c.createdBy = actor.userId();
        c.touch(actor.userId(), now);
        return customers.persist(c)
                .call(customers::flush)
                .call(saved -> history.record(c.tenantId, c.id, c.version, "created", actor.userId(), CustomerChanges.snapshot(c)))
                .call(saved -> outbox.append(CustomerEventTypes.event(CustomerEventTypes.CREATED, actor, c,
                        new CustomerCreated(CustomerSnapshot.of(c)))))
                .chain(saved -> possibleDuplicates(c))
                .invoke(() -> metrics.created(path, 1))
                .map(similar -> new CreatedCustomer(c, true, similar));
    }

    /** Active customers whose names are very close to this new customer's (sharing an uncommon name key). */
    private Uni<List<PossibleDuplicate>> possibleDuplicates(Customer c) {
        return duplicates.similarNames(c, config.possibleDuplicateThreshold(), 5)
                .map(matches -> matches.stream().map(m -> new PossibleDuplicate(m.id(),
                        Math.round(m.score() * 1000) / 1000.0)).toList());
    }

    /** The survivor a contact's owner now lives on (in this transaction's session). */
    private Uni<Customer> survivorOf(UUID tenantId, UUID id) {
        return Survivors.survivor(id, next -> customers.findInTenant(tenantId, next))
                .map(found -> found.orElseThrow(() -> new IllegalStateException("contact owner " + id + " is missing")));
    }
}
