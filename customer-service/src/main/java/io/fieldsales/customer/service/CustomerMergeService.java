package io.fieldsales.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerChanges;
import io.fieldsales.customer.domain.CustomerMerge;
import io.fieldsales.customer.domain.MergeOutcome;
import io.fieldsales.customer.events.CustomerEventTypes;
import io.fieldsales.customer.events.CustomerMerged;
import io.fieldsales.customer.events.CustomerSnapshot;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Folds customers into a survivor in one transaction: the survivor and the sources are locked in id order (so
 * crossing merges queue instead of deadlocking), the sources' contact reservations and tags move to the survivor,
 * the sources become MERGED with {@code mergedInto} and keep all their data, versions bump, and one
 * {@code customer.merged} event lists what moved and what conflicted.
 */
@ApplicationScoped
public class CustomerMergeService {

    public static final int MAX_SOURCES = 50;

    @Inject
    CustomerRepository customers;

    @Inject
    ContactReservations reservations;

    @Inject
    CustomerHistory history;

    @Inject
    Outbox outbox;

    @Inject
    CustomerMetrics metrics;

    @Inject
    ObjectMapper json;

    /** Validates the request's shape before any transaction: sources given, distinct, bounded, not the survivor. */
    public List<UUID> checkedSources(UUID survivorId, List<UUID> sourceIds) {
        if (sourceIds == null || sourceIds.isEmpty()) {
            throw ProblemException.validation("sourceIds", "must name at least one customer");
        }
        if (sourceIds.size() > MAX_SOURCES) {
            throw ProblemException.validation("sourceIds", "must name at most " + MAX_SOURCES + " customers");
        }
        if (sourceIds.contains(null)) {
            throw ProblemException.validation("sourceIds", "must not contain null");
        }
        if (sourceIds.contains(survivorId)) {
            throw CustomerProblems.mergeIntoSelf(survivorId);
        }
        return List.copyOf(new LinkedHashSet<>(sourceIds));
    }

    @WithTransaction
    public Uni<Customer> merge(Actor actor, UUID survivorId, List<UUID> sourceIds, Map<UUID, Long> expectedVersions) {
        Set<UUID> all = new TreeSet<>(sourceIds);
        all.add(survivorId);
        return customers.lockAllInIdOrder(actor.tenantId(), all).chain(locked -> {
            Map<UUID, Customer> byId = locked.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
            for (UUID id : all) {
                if (!byId.containsKey(id)) {
                    return Uni.createFrom().failure(CustomerProblems.notFound(id));
                }
            }
            Customer survivor = byId.get(survivorId);
            if (!survivor.isActive()) {
                return Uni.createFrom().failure(CustomerProblems.mergeTargetNotActive(survivorId, survivor.status.name()));
            }
            List<Customer> sources = new ArrayList<>();
            for (UUID id : sourceIds) {
                Customer source = byId.get(id);
                if (!source.isActive()) {
                    return Uni.createFrom().failure(CustomerProblems.mergeSourceNotActive(id, source.status.name()));
                }
                sources.add(source);
            }
            if (expectedVersions != null) {
                for (Map.Entry<UUID, Long> e : expectedVersions.entrySet()) {
                    Customer c = byId.get(e.getKey());
                    if (c == null) {
                        return Uni.createFrom().failure(ProblemException.validation("expectedVersions",
                                "names a customer that is not part of this merge: " + e.getKey()));
                    }
                    if (e.getValue() == null || e.getValue() != c.version) {
                        return Uni.createFrom().failure(CustomerProblems.versionConflict(c.version)
                                .with("customerId", c.id));
                    }
                }
            }
            return fold(actor, survivor, sources);
        });
    }

    private Uni<Customer> fold(Actor actor, Customer survivor, List<Customer> sources) {
        UUID tenant = actor.tenantId();
        List<UUID> sourceIds = sources.stream().map(c -> c.id).toList();
        Instant now = CustomerChanges.now();
        return reservations.ownedBy(tenant, sourceIds).chain(moved -> reservations.moveAll(tenant, sourceIds, survivor.id)
                .chain(() -> {
                    MergeOutcome outcome = CustomerMerge.fold(survivor, sources, actor.userId(), now);
                    List<CustomerMerged.MovedContact> movedContacts = moved.stream()
                            .map(r -> new CustomerMerged.MovedContact(r.kind().dbValue(), r.canonicalValue(),
                                    r.customerId()))
                            .toList();
                    return customers.flush()
                            .call(() -> outcome.conflicts().isEmpty() ? Uni.createFrom().voidItem()
                                    : customers.appendMergeConflicts(tenant, survivor.id, toJson(outcome.conflicts())))
                            .call(() -> recordHistory(actor, survivor, sources, outcome))
                            .call(() -> outbox.append(CustomerEventTypes.event(CustomerEventTypes.MERGED, actor, survivor,
                                    new CustomerMerged(survivor.id, sourceIds, CustomerSnapshot.of(survivor),
                                            movedContacts, outcome.addedTags(), outcome.filledFields(),
                                            outcome.conflicts()))))
                            .invoke(() -> metrics.merged(sources.size()))
                            .replaceWith(survivor);
                }));
    }

    private Uni<Void> recordHistory(Actor actor, Customer survivor, List<Customer> sources, MergeOutcome outcome) {
        Map<String, Object> survivorChanges = new LinkedHashMap<>();
        survivorChanges.put("mergedFrom", sources.stream().map(c -> c.id).toList());
        survivorChanges.put("filledFields", outcome.filledFields());
        survivorChanges.put("addedTags", outcome.addedTags());
        survivorChanges.put("conflicts", outcome.conflicts());
        Uni<Void> chain = history.record(survivor.tenantId, survivor.id, survivor.version, "merged", actor.userId(),
                survivorChanges);
        for (Customer source : sources) {
            chain = chain.chain(() -> history.record(source.tenantId, source.id, source.version, "merged_into",
                    actor.userId(), Map.of("status", CustomerChanges.change("ACTIVE", "MERGED"),
                            "mergedInto", survivor.id)));
        }
        return chain;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
