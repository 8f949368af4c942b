package io.fieldsales.customer.service;

import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.customer.domain.Contact;
import io.fieldsales.customer.domain.ContactCanonicalizer;
import io.fieldsales.customer.domain.CustomerIds;
import io.fieldsales.customer.domain.CustomerValidationException;
import io.fieldsales.customer.domain.CustomerValidator;
import io.fieldsales.customer.domain.ImportCandidate;
import io.fieldsales.customer.domain.ImportChunkPlan;
import io.fieldsales.customer.domain.ImportRowOutcome;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.RequestIds;
import io.fieldsales.platform.errors.FieldError;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Bulk import with the same rules as one-by-one creates, at bulk speed: rows are written in chunks of
 * {@value #CHUNK} rows (each validated while the one before it is written), one transaction per chunk on the plain
 * reactive client (set-based reservations, pipelined inserts of customers, history and outbox events). The
 * reservations decide, as everywhere: a row whose contact is taken (by an existing customer, a concurrent writer or
 * an earlier row of the same file) is {@code existing} (find-or-create) or {@code duplicate} (create), so re-running
 * a file creates nothing new. Invalid rows never stop valid ones. A dry run does the same work and rolls each chunk
 * back.
 */
@ApplicationScoped
public class CustomerImporter {

    static final int CHUNK = 1000;
    private static final Logger LOG = Logger.getLogger(CustomerImporter.class);

    public enum Mode {
        FIND_OR_CREATE, CREATE
    }

    @Inject
    ImportChunkWriter chunkWriter;

    @Inject
    CustomerConfig config;

    @Inject
    CustomerMetrics metrics;

    private final CustomerValidator validator = new CustomerValidator(new ContactCanonicalizer());

    /** A row after validation: either its final result (invalid) or a candidate to write. */
    private record Prepared(int row, ImportRowResult invalid, ImportCandidate candidate) {
    }

    /**
     * Imports the rows, emitting the results of each chunk (one per row, in row order) as the chunk commits. Each
     * chunk's rows are validated (libphonenumber: CPU, so on a worker thread) while the chunk before it is in the
     * database: the validation of a 10,000-row file no longer comes before the first write.
     */
    public Multi<List<ImportRowResult>> importRows(Actor actor, List<ImportLine> lines, Mode mode, boolean dryRun) {
        String region = config.phoneRegion(actor.tenantId());
        ImportChunkWriter.Trace trace = new ImportChunkWriter.Trace(RequestIds.current(),
                RequestIds.currentTraceparent());
        List<Uni<List<Prepared>>> chunks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += CHUNK) {
            List<ImportLine> chunk = lines.subList(i, Math.min(lines.size(), i + CHUNK));
            chunks.add(Uni.createFrom().item(() -> prepare(chunk, region))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .memoize().indefinitely());
        }
        // contact -> customer it resolved to in an earlier chunk of this file (later rows must agree with it)
        Map<Contact, UUID> seenInFile = new HashMap<>();
        long started = System.nanoTime();
        return Multi.createFrom().range(0, chunks.size())
                .onItem().transformToUniAndConcatenate(k -> {
                    if (k + 1 < chunks.size()) {
                        // the next chunk's validation starts now and runs beside this chunk's transaction
                        chunks.get(k + 1).subscribe().with(prepared -> { }, failure -> { });
                    }
                    return chunks.get(k).chain(prepared -> importChunk(actor, prepared, mode, dryRun, seenInFile,
                            trace));
                })
                .onCompletion().invoke(() -> LOG.infof("Imported %d rows (mode %s, dryRun %s) in %d ms", lines.size(),
                        mode, dryRun, Duration.ofNanos(System.nanoTime() - started).toMillis()));
    }

    /** Validates one chunk's rows: each is invalid (with its errors) or a candidate with a new customer id. */
    private List<Prepared> prepare(List<ImportLine> lines, String region) {
        List<Prepared> prepared = new ArrayList<>(lines.size());
        for (ImportLine line : lines) {
            if (!line.parseErrors().isEmpty()) {
                prepared.add(new Prepared(line.row(), new ImportRowResult(line.row(), ImportRowResult.INVALID, null,
                        line.parseErrors()), null));
                continue;
            }
            try {
                prepared.add(new Prepared(line.row(), null, new ImportCandidate(line.row(),
                        validator.validate(line.details(), region), CustomerIds.next())));
            } catch (CustomerValidationException e) {
                prepared.add(new Prepared(line.row(), new ImportRowResult(line.row(), ImportRowResult.INVALID, null,
                        e.errors()), null));
            }
        }
        return prepared;
    }

    private Uni<List<ImportRowResult>> importChunk(Actor actor, List<Prepared> chunk, Mode mode, boolean dryRun,
            Map<Contact, UUID> seenInFile, ImportChunkWriter.Trace trace) {
        Map<Integer, ImportRowResult> results = new LinkedHashMap<>();
        List<ImportCandidate> candidates = new ArrayList<>();
        for (Prepared p : chunk) {
            results.put(p.row(), p.invalid());
            if (p.candidate() != null) {
                candidates.add(p.candidate());
            }
        }
        return Uni.createFrom().deferred(() -> chunkWriter.write(actor, ImportChunkPlan.of(candidates, seenInFile),
                        dryRun, trace))
                .map(outcome -> {
                    seenInFile.clear();
                    seenInFile.putAll(outcome.seenInFile());
                    List<ImportRowResult> written = outcome.rows().stream().map(r -> result(r, mode)).toList();
                    if (!dryRun) {
                        recordMetrics(written);
                    }
                    written.forEach(r -> results.put(r.row(), r));
                    return List.copyOf(results.values());
                });
    }

    private static ImportRowResult result(ImportRowOutcome outcome, Mode mode) {
        return switch (outcome.kind()) {
            case CREATED -> new ImportRowResult(outcome.row(), ImportRowResult.CREATED, outcome.customerId(),
                    List.of());
            case OWNER_CHANGED -> new ImportRowResult(outcome.row(), ImportRowResult.INVALID, null,
                    List.of(new FieldError("row", "contact changed owner during the import; import this row again")));
            case RESOLVED -> mode == Mode.FIND_OR_CREATE
                    ? new ImportRowResult(outcome.row(), ImportRowResult.EXISTING, outcome.customerId(), List.of())
                    : new ImportRowResult(outcome.row(), ImportRowResult.DUPLICATE, outcome.customerId(),
                            List.of(new FieldError("contact", "already belongs to customer " + outcome.customerId())));
        };
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
}
