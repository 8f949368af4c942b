package io.fieldsales.platform.events;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one consumer has done with one partition: the offsets it received, the ones acknowledged, and from these the
 * offset it may commit: one past the highest acknowledged offset below which every received offset is acknowledged
 * too. A record received and never acknowledged (failed while shutting down, or still in flight) holds the commit
 * point before it, so the next start reads it again; a batch is received and acknowledged through its last record.
 * Kept across a rebalance that gives the partition back, so what was processed meanwhile still counts.
 *
 * <p>Not thread-safe: {@link ProcessedOffsetsCommit} guards it.
 */
final class PartitionProgress {

    private final TreeSet<Long> received = new TreeSet<>();
    private final Set<Long> acknowledged = new HashSet<>();
    /** The highest offset done with everything received before it done too; -1 before the first. */
    private long done = -1;
    /** The offset last committed by this consumer for this partition; -1 before the first commit. */
    private long committed = -1;

    /** A record was handed to the application. Offsets at or below what is done are redeliveries: ignored. */
    void received(long offset) {
        if (offset > done) {
            received.add(offset);
            advance();
        }
    }

    /**
     * A record was processed (or dead-lettered): its effect is committed. Kept even before it is (again) received
     * here: after a rebalance the connector re-reads from the committed offset while the records it had already
     * handed out are still processed, and their acknowledgements count when the re-read copies arrive.
     */
    void acknowledged(long offset) {
        if (offset > done) {
            acknowledged.add(offset);
            advance();
        }
    }

    private void advance() {
        boolean moved = false;
        while (!received.isEmpty() && acknowledged.remove(received.first())) {
            done = received.pollFirst();
            moved = true;
        }
        if (moved && !acknowledged.isEmpty()) {
            acknowledged.removeIf(o -> o <= done);
        }
    }

    /** How many received records are not acknowledged yet. */
    int pending() {
        return received.size();
    }

    /** For the log: what is done, and what holds the commit back. */
    @Override
    public String toString() {
        return "done through " + done + ", " + received.size() + " received not done"
                + (received.isEmpty() ? "" : " from " + received.first()) + ", " + acknowledged.size()
                + " acknowledged out of order";
    }

    /** The offset to commit (the next record to read), or -1 when nothing new is done since the last commit. */
    long toCommit() {
        long next = done + 1;
        return done >= 0 && next > committed ? next : -1;
    }

    /** The broker took this commit. */
    void committed(long offset) {
        committed = Math.max(committed, offset);
    }
}
