package io.fieldsales.customer.service;

import io.fieldsales.customer.domain.Contact;
import io.fieldsales.customer.domain.ContactKind;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.repository.CustomerReads;
import io.fieldsales.customer.repository.CustomerRepository;
import io.fieldsales.customer.repository.DuplicateQueries;
import io.fieldsales.platform.warmup.WarmUp;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Exercises this service's hot paths before readiness (the kit's warm-up SPI): the find-or-create fast path (the
 * owner of a contact), the prepared select by id, and in a Hibernate Reactive session a customer lookup and the
 * near-duplicate name probe of a create. Read-only, in a tenant that does not exist.
 */
@ApplicationScoped
public class CustomerWarmUp implements WarmUp {

    @Inject
    CustomerReads reads;

    @Inject
    CustomerRepository customers;

    @Inject
    DuplicateQueries duplicates;

    @Override
    public String name() {
        return "customer-hot-paths";
    }

    @Override
    public Uni<Void> run() {
        UUID tenant = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        Customer probe = new Customer();
        probe.id = id;
        probe.tenantId = tenant;
        probe.name = "Warm-up General Store";
        return reads.ownerOfAny(tenant, List.of(new Contact(ContactKind.EMAIL, "warm-up@example.invalid"),
                        new Contact(ContactKind.PHONE, "+27820000000")))
                .chain(() -> reads.byId(tenant, id))
                .chain(() -> Panache.withSession(() -> customers.findInTenant(tenant, id)
                        .chain(() -> duplicates.similarNames(probe, 0.6, 5))))
                .replaceWithVoid();
    }

    @Override
    public int copies() {
        return 4;
    }
}
