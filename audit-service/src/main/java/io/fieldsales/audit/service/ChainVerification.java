package io.fieldsales.audit.service;

import io.fieldsales.audit.domain.AuditRecord;
import io.fieldsales.audit.domain.ChainHash;
import io.fieldsales.audit.domain.ChainHead;
import io.fieldsales.audit.domain.ChainVerifier;
import io.fieldsales.audit.domain.Checkpoint;
import io.fieldsales.audit.repository.AuditEventRepository;
import io.fieldsales.audit.repository.CheckpointRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recomputes a tenant's chain from the stored rows, in pages, and checks it against the chain head and the
 * signed checkpoints: a changed row breaks at its own sequence, a deleted row at the first missing sequence,
 * rows deleted at the end (with the head rewritten too) at the first sequence a checkpoint vouches for.
 */
@ApplicationScoped
public class ChainVerification {

    static final int PAGE = 2000;
    static final int CHECKPOINTS = 20;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry metrics;

    @Inject
    AuditEventRepository events;

    @Inject
    CheckpointRepository checkpoints;

    /**
     * How many records were recomputed, whether the chain holds, and if not the first sequence where it breaks; the
     * range walked, its last hash, and how many signed checkpoints matched.
     */
    public record Outcome(long checked, boolean valid, Long firstBrokenSequence, long fromSequence, long toSequence,
            byte[] lastHash, int checkpointsChecked) {
    }

    public Uni<Outcome> verify(UUID tenantId, Long fromSequence, Long toSequence) {
        return walkChain(tenantId, fromSequence, toSequence).invoke(outcome -> Counter
                .builder("fieldsales.audit.chain.verifications").description("Audit chain verifications by result")
                .tag("result", outcome.valid() ? "valid" : "broken").register(metrics).increment());
    }

    private Uni<Outcome> walkChain(UUID tenantId, Long fromSequence, Long toSequence) {
        return events.head(pool, tenantId).chain(head -> events.lastPurgedSequence(pool, tenantId)
                .chain(purged -> checkpoints.latestAnchors(pool, tenantId, CHECKPOINTS)
                        .chain(anchors -> {
                            long from = Math.max(fromSequence == null ? 1 : fromSequence, purged + 1);
                            // the chain's end as the head and the signed checkpoints know it; a range beyond it
                            // has nothing to verify
                            long end = Math.max(head.lastSequence(), maxCheckpoint(anchors));
                            long to = toSequence == null ? end : Math.min(toSequence, end);
                            return anchor(tenantId, from, purged)
                                    .chain(anchor -> walk(tenantId, from, to, anchor, head, anchors,
                                            toSequence == null));
                        })));
    }

    private static long maxCheckpoint(List<Checkpoint> anchors) {
        return anchors.stream().mapToLong(Checkpoint::sequence).max().orElse(0);
    }

    /** The hash the first record must link to: genesis, its predecessor's, or the last purged record's. */
    private Uni<byte[]> anchor(UUID tenantId, long from, long purged) {
        if (from == 1) {
            return Uni.createFrom().item(ChainHash.genesis());
        }
        if (from == purged + 1) {
            return events.purgedHashAt(pool, tenantId, purged);
        }
        return events.hashAt(pool, tenantId, from - 1);
    }

    private Uni<Outcome> walk(UUID tenantId, long from, long to, byte[] anchor, ChainHead head,
            List<Checkpoint> anchors, boolean toTheEnd) {
        ChainVerifier verifier = new ChainVerifier(from, anchor);
        if (anchor == null && from > 1) {
            verifier.brokenAt(from - 1); // the predecessor is gone without a purge record
        }
        Map<Long, byte[]> seenAtCheckpoints = new HashMap<>();
        anchors.forEach(cp -> seenAtCheckpoints.put(cp.sequence(), null));
        AtomicLong next = new AtomicLong(from);
        return Multi.createBy().repeating()
                .uni(() -> next.get() > to || !verifier.valid() ? Uni.createFrom().item(List.<AuditRecord>of())
                        : events.range(pool, tenantId, next.get(), to, PAGE))
                .until(List::isEmpty)
                .onItem().invoke(page -> {
                    for (AuditRecord r : page) {
                        if (!verifier.accept(r)) {
                            break;
                        }
                        if (seenAtCheckpoints.containsKey(r.sequence())) {
                            seenAtCheckpoints.put(r.sequence(), r.hash());
                        }
                    }
                    next.set(page.get(page.size() - 1).sequence() + 1);
                })
                .collect().last()
                .map(ignored -> {
                    if (verifier.valid() && verifier.lastSequence() < to) {
                        verifier.brokenAt(verifier.lastSequence() + 1); // records missing at the end
                    }
                    if (toTheEnd && verifier.valid() && (head.lastSequence() != verifier.lastSequence()
                            || !Arrays.equals(head.lastHash(), verifier.lastHash()))) {
                        verifier.brokenAt(Math.min(head.lastSequence(), verifier.lastSequence()) + 1);
                    }
                    int matched = 0;
                    for (Checkpoint cp : anchors) {
                        if (cp.sequence() < from || cp.sequence() > to) {
                            continue;
                        }
                        byte[] seen = seenAtCheckpoints.get(cp.sequence());
                        if (!cp.signatureValid()) {
                            continue; // a forged checkpoint proves nothing either way
                        }
                        if (seen == null) {
                            if (verifier.valid()) {
                                verifier.brokenAt(cp.sequence());
                            }
                        } else if (!Arrays.equals(seen, cp.hash())) {
                            verifier.brokenAt(cp.sequence());
                        } else {
                            matched++;
                        }
                    }
                    return new Outcome(verifier.checked(), verifier.valid(), verifier.firstBrokenSequence(),
                            from, to, verifier.lastHash(), matched);
                });
    }
}
