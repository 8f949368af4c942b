package io.fieldsales.customer.service;

import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.domain.MergeChain;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Follows a merge chain ({@link MergeChain}) with whatever reads customers: a Panache session or the raw pool. */
final class Survivors {

    private Survivors() {
    }

    /** The survivor of {@code id} (the customer itself when not merged), read with {@code byId}; empty if missing. */
    static Uni<Optional<Customer>> survivor(UUID id, Function<UUID, Uni<Optional<Customer>>> byId) {
        return follow(id, byId, 0);
    }

    private static Uni<Optional<Customer>> follow(UUID id, Function<UUID, Uni<Optional<Customer>>> byId, int hops) {
        return byId.apply(id).chain(found -> {
            Optional<UUID> next = found.flatMap(c -> MergeChain.next(c, hops));
            return next.isPresent() ? follow(next.get(), byId, hops + 1) : Uni.createFrom().item(found);
        });
    }
}
