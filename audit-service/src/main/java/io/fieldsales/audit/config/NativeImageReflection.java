package io.fieldsales.audit.config;

import io.fieldsales.audit.events.AuditEventsConsumer;
import io.fieldsales.audit.events.CheckpointSigned;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The checkpoint payload Jackson writes into the outbox: a native image keeps its accessors only when it is
 * registered. NativeImageReadinessTest (deploy/checks) fails when an events record is missing here; the consumer's
 * {@code Received} (one record of a batch) is never serialized, but is listed so the rule stays "every record of
 * events/ is registered", with no exceptions to remember.
 */
@RegisterForReflection(targets = {CheckpointSigned.class, AuditEventsConsumer.Received.class})
public final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
