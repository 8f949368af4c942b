package io.fieldsales.customer.config;

import io.fieldsales.customer.events.CustomerCreated;
import io.fieldsales.customer.events.CustomerDeleted;
import io.fieldsales.customer.events.CustomerErased;
import io.fieldsales.customer.events.CustomerMerged;
import io.fieldsales.customer.events.CustomerRestored;
import io.fieldsales.customer.events.CustomerSnapshot;
import io.fieldsales.customer.events.CustomerUpdated;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The event payloads Jackson writes into the outbox: a native image keeps their accessors only when they are
 * registered (REST request and response types are registered by Quarkus itself). NativeImageReadinessTest
 * (deploy/checks) fails when an events record is missing here.
 */
@RegisterForReflection(targets = {CustomerCreated.class, CustomerUpdated.class, CustomerDeleted.class,
    CustomerRestored.class, CustomerMerged.class, CustomerMerged.MovedContact.class, CustomerErased.class,
    CustomerSnapshot.class})
public final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
