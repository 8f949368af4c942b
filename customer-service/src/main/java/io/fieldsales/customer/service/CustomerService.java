package io.fieldsales.customer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.customer.domain.Contact;
import io.fieldsales.customer.domain.ContactCanonicalizer;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerDetails;
import io.fieldsales.customer.domain.CustomerIds;
import io.fieldsales.customer.domain.CustomerPatch;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.customer.domain.CustomerValidationException;
import io.fieldsales.customer.domain.CustomerValidator;
import io.fieldsales.customer.domain.MergeChain;
import io.fieldsales.customer.domain.ValidCustomer;
import io.fieldsales.customer.events.CustomerCreated;
import io.fieldsales.customer.events.CustomerDeleted;
import io.fieldsales.customer.events.CustomerEventTypes;
import io.fieldsales.customer.events.CustomerRestored;
import io.fieldsales.customer.events.CustomerSnapshot;
import io.fieldsales.customer.events.CustomerUpdated;
import io.fieldsales.customer.repository.ContactReservations;
import io.fieldsales.customer.repository.CustomerHistory;
import io.fieldsales.customer.repository.CustomerReads;
import io.fieldsales.customer.repository.DuplicateQueries;
import io.fieldsales.customer.repository.CustomerRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The write side of the customer master: create, find-or-create, PATCH, delete and restore. Each method is one
 * transaction that changes the customer, its contact reservations, a history row and one outbox event together.
 * Callers may already have opened the transaction (the Idempotency-Key helper does); these methods join it.
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
    CustomerReads reads;

    @Inject
    DuplicateQueries duplicates;

    @Inject
    CustomerMetrics metrics;

    @Inject
    ObjectMapper json;

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
        return reads.ownerOfAny(actor.tenantId(), valid.contacts()).chain(existing -> {
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
        Instant now = now();
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
                .call(saved -> history.record(c.tenantId, c.id, c.version, "created", actor.userId(), snapshotOf(c)))
                .call(saved -> outbox.append(event(CustomerEventTypes.CREATED, actor, c,
                        new CustomerCreated(CustomerSnapshot.of(c)))))
                .chain(saved -> possibleDuplicates(c))
                .invoke(() -> metrics.created(path, 1))
                .map(similar -> new CreatedCustomer(c, true, similar));
    }

    /** Active customers whose names are very close to this new customer's (indexed trigram search). */
    private Uni<List<PossibleDuplicate>> possibleDuplicates(Customer c) {
        return duplicates.similarNames(c, config.possibleDuplicateThreshold(), 5)
                .map(matches -> matches.stream().map(m -> new PossibleDuplicate(m.id(),
                        Math.round(m.score() * 1000) / 1000.0)).toList());
    }

    /** The survivor a contact's owner now lives on (in this transaction's session). */
    private Uni<Customer> survivorOf(UUID tenantId, UUID id) {
        return MergeChain.survivor(id, next -> customers.find("tenantId = ?1 and id = ?2", tenantId, next)
                        .<Customer>firstResult().map(Optional::ofNullable))
                .map(found -> found.orElseThrow(() -> new IllegalStateException("contact owner " + id + " is missing")));
    }

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
            Map<String, Object> before = snapshotOf(c);
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
                        Map<String, Object> changes = diff(before, snapshotOf(c));
                        if (changes.isEmpty()) {
                            return Uni.createFrom().item(c);
                        }
                        c.touch(actor.userId(), now());
                        return customers.flush()
                                .call(() -> history.record(c.tenantId, c.id, c.version, "updated", actor.userId(),
                                        changes))
                                .call(() -> outbox.append(event(CustomerEventTypes.UPDATED, actor, c,
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
            Instant now = now();
            c.status = CustomerStatus.DELETED;
            c.deletedAt = now;
            c.deletedBy = actor.userId();
            c.touch(actor.userId(), now);
            return reservations.releaseAllOf(c.tenantId, List.of(c.id))
                    .chain(customers::flush)
                    .call(() -> history.record(c.tenantId, c.id, c.version, "deleted", actor.userId(),
                            Map.of("status", change("ACTIVE", "DELETED"))))
                    .call(() -> outbox.append(event(CustomerEventTypes.DELETED, actor, c,
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
                c.touch(actor.userId(), now());
                return customers.flush()
                        .call(() -> history.record(c.tenantId, c.id, c.version, "restored", actor.userId(),
                                Map.of("status", change("DELETED", "ACTIVE"))))
                        .call(() -> outbox.append(event(CustomerEventTypes.RESTORED, actor, c,
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

    static OutboxEvent event(String type, Actor actor, Customer c, Object payload) {
        return new OutboxEvent(CustomerEventTypes.TOPIC, type, CustomerEventTypes.AGGREGATE, c.id.toString(),
                c.tenantId, actor.userId(), payload);
    }

    /** The person-given fields as history records them. */
    Map<String, Object> snapshotOf(Customer c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", c.name);
        s.put("email", c.email);
        s.put("phone", c.phone);
        s.put("externalRef", c.externalRef);
        s.put("address", c.address().isEmpty() ? null : c.address());
        s.put("tags", c.tagList());
        return s;
    }

    private Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : after.entrySet()) {
            Object old = before.get(e.getKey());
            if (!Objects.equals(normalized(old), normalized(e.getValue()))) {
                changes.put(e.getKey(), change(old, e.getValue()));
            }
        }
        return changes;
    }

    private Object normalized(Object value) {
        try {
            return json.valueToTree(value);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    static Instant now() {
        // PostgreSQL keeps microseconds: truncating keeps what we return equal to what a later read returns.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
