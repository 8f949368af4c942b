package io.fieldsales.audit.domain;

import java.util.Arrays;

/**
 * Walks a tenant's records in sequence order and finds the first place where the chain no longer holds:
 * a missing sequence, a record whose content no longer matches its hash, or a link that no longer matches the
 * previous record's hash. Feed it records one by one, then read {@link #firstBrokenSequence()}.
 */
public final class ChainVerifier {

    private long expectedSequence;
    private byte[] expectedPrevHash;
    private boolean previousSeen;
    private long checked;
    private Long firstBroken;
    private byte[] lastHash;
    private long lastSequence;

    /**
     * @param firstSequence    the sequence the walk starts at
     * @param anchorHash       the hash the first record must link to (genesis, the previous record's, or the last
     *                         purged one's), or null if it is unknown (then the first link is not checked)
     */
    public ChainVerifier(long firstSequence, byte[] anchorHash) {
        this.expectedSequence = firstSequence;
        this.expectedPrevHash = anchorHash;
        this.lastSequence = firstSequence - 1;
        this.lastHash = anchorHash;
    }

    /** Checks the next record; returns false once the chain is broken (the rest need not be read). */
    public boolean accept(AuditRecord r) {
        if (firstBroken != null) {
            return false;
        }
        checked++;
        if (r.sequence() != expectedSequence) {
            return broken(expectedSequence); // a record is missing
        }
        byte[] recomputed = ChainHash.next(r.prevHash(), CanonicalRecord.of(r));
        if (!Arrays.equals(recomputed, r.hash())) {
            return broken(r.sequence()); // this record was changed
        }
        if (expectedPrevHash != null && !Arrays.equals(expectedPrevHash, r.prevHash())) {
            // consistent in itself but not with its predecessor: the predecessor's hash was rewritten
            return broken(previousSeen ? r.sequence() - 1 : r.sequence());
        }
        previousSeen = true;
        expectedPrevHash = r.hash();
        expectedSequence++;
        lastHash = r.hash();
        lastSequence = r.sequence();
        return true;
    }

    /** Marks the chain broken at a sequence found by a check outside the walk (head, checkpoint). */
    public void brokenAt(long sequence) {
        if (firstBroken == null || sequence < firstBroken) {
            firstBroken = sequence;
        }
    }

    private boolean broken(long sequence) {
        brokenAt(sequence);
        return false;
    }

    public long checked() {
        return checked;
    }

    public boolean valid() {
        return firstBroken == null;
    }

    public Long firstBrokenSequence() {
        return firstBroken;
    }

    /** The last sequence that verified, and its hash. */
    public long lastSequence() {
        return lastSequence;
    }

    public byte[] lastHash() {
        return lastHash;
    }
}
