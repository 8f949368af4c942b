package io.fieldsales.customer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.customer.domain.Contact;
import io.fieldsales.customer.domain.ContactCanonicalizer;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.CustomerIds;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.customer.domain.CustomerValidationException;
import io.fieldsales.customer.domain.CustomerValidator;
import io.fieldsales.customer.domain.ValidCustomer;
import io.fieldsales.customer.events.CustomerCreated;
import io.fieldsales.customer.events.CustomerEventTypes;
import io.fieldsales.customer.events.CustomerSnapshot;
import io.fieldsales.customer.repository.CustomerBulkWriter;
import io.fieldsales.customer.repository.CustomerBulkWriter.Claim;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.RequestIds;
import io.fieldsales.platform.db.DatabaseErrors;
import io.fieldsales.platform.db.TransientDatabaseException;
import io.fieldsales.platform.errors.FieldError;
import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Bulk import with the same rules as one-by-one creates, at bulk speed: rows are validated up front, then written
 * in chunks of {@value #CHUNK} rows, one transaction per chunk on the plain reactive client (set-based
 * reservations, pipelined inserts of customers, history and outbox events). The reservations decide, as
 * everywhere: a row whose contact is taken (by an existing customer, a concurrent writer or an earlier row of the
 * same file) is {@code existing} (find-or-create) or {@code duplicate} (create), so re-running a file creates
 * nothing new. Invalid rows never stop valid ones. A dry run does the same work and rolls each chunk back.
 */
@ApplicationScoped
public class CustomerImporter {

    static final int CHUNK = 1000;
    private static final Logger LOG = Logger.getLogger(CustomerImporter.class);

    public enum Mode {
        FIND_OR_CREATE, CREATE
    }

    @Inject
    Pool pool;

    @Inject
    CustomerBulkWriter writer;

    @Inject
    CustomerConfig config;

    @Inject
    CustomerMetrics metrics;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    private final CustomerValidator validator = new CustomerValidator(new ContactCanonicalizer());

    /** A row that passed validation, with the id it gets if it is created. */
    private record Candidate(int row, ValidCustomer valid, UUID newId) {
    }

    /** A row after validation: either its final result (invalid) or a candidate to write. */
    private record Prepared(int row, ImportRowResult invalid, Candidate candidate) {
    }

    /**
     * Imports the rows, emitting the results of each chunk (one per row, in row order) as the chunk commits. Call
     * it off the event loop: it validates every row (libphonenumber) before returning.
     */
    public Multi<List<ImportRowResult>> importRows(Actor actor, List<ImportLine> lines, Mode mode, boolean dryRun) {
        String region = config.phoneRegion(actor.tenantId());
        String requestId = RequestIds.current();
        String traceparent = RequestIds.currentTraceparent();
        List<Prepared> prepared = new ArrayList<>(lines.size());
        for (ImportLine line : lines) {
            if (!line.parseErrors().isEmpty()) {
                prepared.add(new Prepared(line.row(), new ImportRowResult(line.row(), ImportRowResult.INVALID, null,
                        line.parseErrors()), null));
                continue;
            }
            try {
                prepared.add(new Prepared(line.row(), null, new Candidate(line.row(),
                        validator.validate(line.details(), region), CustomerIds.next())));
            } catch (CustomerValidationException e) {
                prepared.add(new Prepared(line.row(), new ImportRowResult(line.row(), ImportRowResult.INVALID, null,
                        e.errors()), null));
            }
        }
        // contact -> customer it resolved to in an earlier chunk of this file (later rows must agree with it)
        Map<Contact, UUID> seenInFile = new HashMap<>();
        List<List<Prepared>> chunks = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i += CHUNK) {
            chunks.add(prepared.subList(i, Math.min(prepared.size(), i + CHUNK)));
        }
        long started = System.nanoTime();
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> importChunk(actor, chunk, mode, dryRun, seenInFile,
                        new Trace(requestId, traceparent)))
                .onCompletion().invoke(() -> LOG.infof("Imported %d rows (mode %s, dryRun %s) in %d ms", lines.size(),
                        mode, dryRun, Duration.ofNanos(System.nanoTime() - started).toMillis()));
    }

    /** The request's ids, captured before the stream leaves the request's context. */
    private record Trace(String requestId, String traceparent) {
    }

    private Uni<List<ImportRowResult>> importChunk(Actor actor, List<Prepared> chunk, Mode mode, boolean dryRun,
            Map<Contact, UUID> seenInFile, Trace trace) {
        Map<Integer, ImportRowResult> results = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Prepared p : chunk) {
            results.put(p.row(), p.invalid());
            if (p.candidate() != null) {
                candidates.add(p.candidate());
            }
        }
        Map<Contact, UUID> snapshot = new HashMap<>(seenInFile);
        return Uni.createFrom().deferred(() -> writeChunk(actor, candidates, mode, dryRun, new HashMap<>(snapshot),
                        trace))
                .onFailure().transform(DatabaseErrors::classify)
                // A deadlock with a concurrent writer rolls the whole chunk back: run it again (nothing committed).
                .onFailure(TransientDatabaseException.class).retry().withBackOff(Duration.ofMillis(50),
                        Duration.ofSeconds(1)).withJitter(0.5).atMost(3)
                .map(outcome -> {
                    seenInFile.clear();
                    seenInFile.putAll(outcome.seen());
                    outcome.results().forEach(r -> results.put(r.row(), r));
                    return List.copyOf(results.values());
                });
    }

    private record ChunkOutcome(List<ImportRowResult> results, Map<Contact, UUID> seen) {
    }

    private Uni<ChunkOutcome> writeChunk(Actor actor, List<Candidate> candidates, Mode mode, boolean dryRun,
            Map<Contact, UUID> seen, Trace trace) {
        UUID tenant = actor.tenantId();
        // Rows whose contact an earlier row of this file already claimed resolve to that row's customer.
        List<ImportRowResult> results = new ArrayList<>();
        List<Candidate> fresh = new ArrayList<>();
        // rows sharing a contact with an earlier new row of this chunk: they end where that row ends
        Map<Candidate, Candidate> dependents = new LinkedHashMap<>();
        Map<Contact, Candidate> claimedHere = new HashMap<>();
        for (Candidate c : candidates) {
            UUID earlier = c.valid().contacts().stream().map(seen::get).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (earlier != null) {
                results.add(resolved(c.row(), earlier, mode));
                continue;
            }
            Candidate first = c.valid().contacts().stream().map(claimedHere::get).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (first != null) {
                dependents.put(c, first);
                continue;
            }
            c.valid().contacts().forEach(contact -> claimedHere.put(contact, c));
            fresh.add(c);
        }
        List<Claim> claims = new ArrayList<>();
        for (Candidate c : fresh) {
            for (Contact contact : c.valid().contacts()) {
                claims.add(new Claim(contact, c.newId()));
            }
        }
        return pool.getConnection().chain(conn -> conn.begin().chain(tx -> writer.reserveFree(conn, tenant, claims)
                .chain(taken -> {
                    Set<Claim> takenSet = new HashSet<>(taken);
                    List<Candidate> toCreate = new ArrayList<>();
                    List<Candidate> blocked = new ArrayList<>();
                    for (Candidate c : fresh) {
                        boolean all = c.valid().contacts().stream()
                                .allMatch(contact -> takenSet.contains(new Claim(contact, c.newId())));
                        (all ? toCreate : blocked).add(c);
                    }
                    List<Contact> blockedContacts = blocked.stream().flatMap(c -> c.valid().contacts().stream()).toList();
                    return writer.releaseAll(conn, tenant, blocked.stream().map(Candidate::newId).toList())
                            .chain(() -> writer.owners(conn, tenant, blockedContacts))
                            .chain(owners -> {
                                Map<Candidate, UUID> endedAt = new HashMap<>();
                                for (Candidate c : blocked) {
                                    UUID owner = c.valid().contacts().stream().map(owners::get)
                                            .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                                    endedAt.put(c, owner);
                                    if (owner == null) {
                                        // released between our insert and our read: the next run will create it
                                        results.add(new ImportRowResult(c.row(), ImportRowResult.INVALID, null,
                                                List.of(new FieldError("row", "contact changed owner during the"
                                                        + " import; import this row again"))));
                                    } else {
                                        results.add(resolved(c.row(), owner, mode));
                                        c.valid().contacts().forEach(contact -> seen.put(contact, owner));
                                    }
                                }
                                for (Candidate c : toCreate) {
                                    results.add(new ImportRowResult(c.row(), ImportRowResult.CREATED, c.newId(), List.of()));
                                    c.valid().contacts().forEach(contact -> seen.put(contact, c.newId()));
                                    endedAt.put(c, c.newId());
                                }
                                dependents.forEach((c, first) -> {
                                    UUID owner = endedAt.get(first);
                                    results.add(owner == null
                                            ? new ImportRowResult(c.row(), ImportRowResult.INVALID, null,
                                                    List.of(new FieldError("row", "contact changed owner during the"
                                                            + " import; import this row again")))
                                            : resolved(c.row(), owner, mode));
                                    if (owner != null) {
                                        c.valid().contacts().forEach(contact -> seen.putIfAbsent(contact, owner));
                                    }
                                });
                                return insertCreated(conn, actor, toCreate, trace);
                            })
                            .chain(() -> dryRun ? tx.rollback() : tx.commit())
                            .invoke(() -> {
                                if (!dryRun) {
                                    recordMetrics(results);
                                }
                            });
                })
                .onFailure().call(f -> tx.rollback().onFailure().recoverWithNull())
                .eventually(conn::close))
                .replaceWith(() -> new ChunkOutcome(results, seen)));
    }

    private ImportRowResult resolved(int row, UUID owner, Mode mode) {
        return mode == Mode.FIND_OR_CREATE
                ? new ImportRowResult(row, ImportRowResult.EXISTING, owner, List.of())
                : new ImportRowResult(row, ImportRowResult.DUPLICATE, owner,
                        List.of(new FieldError("contact", "already belongs to customer " + owner)));
    }

    private Uni<Void> insertCreated(SqlConnection conn, Actor actor, List<Candidate> toCreate, Trace trace) {
        if (toCreate.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = CustomerService.now();
        List<Customer> customers = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<String> history = new ArrayList<>();
        List<OutboxEvent> events = new ArrayList<>();
        for (Candidate c : toCreate) {
            Customer customer = new Customer();
            customer.id = c.newId();
            customer.tenantId = actor.tenantId();
            customer.apply(c.valid());
            customer.status = CustomerStatus.ACTIVE;
            customer.createdAt = now;
            customer.createdBy = actor.userId();
            customer.touch(actor.userId(), now);
            customers.add(customer);
            ids.add(customer.id);
            CustomerSnapshot snapshot = CustomerSnapshot.of(customer);
            history.add(toJson(Map.of("imported", snapshot)));
            events.add(new OutboxEvent(CustomerEventTypes.TOPIC, CustomerEventTypes.CREATED,
                    CustomerEventTypes.AGGREGATE, customer.id.toString(), actor.tenantId(), actor.userId(),
                    new CustomerCreated(snapshot)));
        }
        return writer.insertCustomers(conn, actor.tenantId(), actor.userId(), now, customers, json)
                .chain(() -> writer.insertHistory(conn, actor.tenantId(), actor.userId(), trace.requestId(), ids, history))
                .chain(() -> outbox.appendAll(conn, events, trace.requestId(), trace.traceparent()));
    }

    private void recordMetrics(List<ImportRowResult> results) {
        long created = results.stream().filter(r -> r.status().equals(ImportRowResult.CREATED)).count();
        if (created > 0) {
            metrics.created(CustomerMetrics.Path.IMPORT, (int) created);
        }
        results.stream().filter(r -> r.status().equals(ImportRowResult.EXISTING)
                || r.status().equals(ImportRowResult.DUPLICATE)).forEach(r -> metrics.duplicateDetected(
                CustomerMetrics.Path.IMPORT));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
