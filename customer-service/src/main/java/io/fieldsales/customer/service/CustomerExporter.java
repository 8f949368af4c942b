package io.fieldsales.customer.service;

import io.fieldsales.customer.repository.CustomerReads;
import io.fieldsales.platform.context.Actor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** Builds the GDPR access document of a customer, whatever its status (deleted and erased ones included). */
@ApplicationScoped
public class CustomerExporter {

    @Inject
    CustomerReads reads;

    public Uni<CustomerExport> export(Actor actor, UUID id) {
        UUID tenant = actor.tenantId();
        return reads.byId(tenant, id).chain(found -> {
            var customer = found.orElseThrow(() -> CustomerProblems.notFound(id));
            return reads.mergeConflicts(tenant, id)
                    .chain(conflicts -> reads.history(tenant, id)
                            .chain(history -> reads.reservations(tenant, id)
                                    .map(reservations -> new CustomerExport(customer, conflicts, history,
                                            reservations, Instant.now()))));
        });
    }
}
