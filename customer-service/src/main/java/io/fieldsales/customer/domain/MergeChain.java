package io.fieldsales.customer.domain;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A merged customer lives on in its survivor: follow {@code mergedInto} until a customer that is not merged. The
 * one copy of that walk, whichever way the caller reads customers (Panache session or raw pool).
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

    /** The survivor of {@code id} (the customer itself when not merged), read with {@code byId}; empty if missing. */
    public static Uni<Optional<Customer>> survivor(UUID id, Function<UUID, Uni<Optional<Customer>>> byId) {
        return follow(id, byId, 0);
    }

    private static Uni<Optional<Customer>> follow(UUID id, Function<UUID, Uni<Optional<Customer>>> byId, int hops) {
        return byId.apply(id).chain(found -> found.isPresent() && mergedAway(found.get()) && hops < MAX_HOPS
                ? follow(found.get().mergedInto, byId, hops + 1)
                : Uni.createFrom().item(found));
    }
}
