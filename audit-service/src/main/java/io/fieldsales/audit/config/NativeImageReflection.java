package io.fieldsales.audit.config;

import io.fieldsales.audit.events.CheckpointSigned;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The checkpoint payload Jackson writes into the outbox: a native image keeps its accessors only when it is
 * registered. NativeImageReadinessTest (deploy/checks) fails when an events record is missing here.
 */
@RegisterForReflection(targets = {CheckpointSigned.class})
public final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
