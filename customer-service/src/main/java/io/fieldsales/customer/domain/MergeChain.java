package io.fieldsales.customer.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * A merged customer lives on in its survivor: follow {@code mergedInto} until a customer that is not merged. The
 * rule of that walk, pure: which customer to read next ({@link #next}); the service layer reads them
 * ({@code service.Survivors}), whichever way the caller reads customers (Panache session or raw pool).
 */
public final class MergeChain {

    /** Merge chains are a few links long; the bound only stops a cycle that a bug could write from looping. */
    public static final int MAX_HOPS = 16;

    private MergeChain() {
    }

    /** Whether a customer was merged away into another one. */
    public static boolean mergedAway(Customer c) {
        return c.status == CustomerStatus.MERGED && c.mergedInto != null;
    }

    /**
     * The customer to read after {@code c}, reached in {@code hops} hops from where the walk started: the one it
     * was merged into, or empty when {@code c} is the survivor (or the walk has gone {@link #MAX_HOPS} hops).
     */
    public static Optional<UUID> next(Customer c, int hops) {
        return mergedAway(c) && hops < MAX_HOPS ? Optional.of(c.mergedInto) : Optional.empty();
    }
}
