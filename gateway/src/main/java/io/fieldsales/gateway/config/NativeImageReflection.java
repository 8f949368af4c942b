package io.fieldsales.gateway.config;

import io.fieldsales.gateway.events.AccessDenied;
import io.fieldsales.gateway.events.AccountLocked;
import io.fieldsales.gateway.events.LoginFailed;
import io.fieldsales.gateway.events.RefreshTokenReused;
import io.fieldsales.gateway.events.TenantStatusChanged;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The security event payloads Jackson writes into the outbox: a native image keeps their accessors only when they
 * are registered. NativeImageReadinessTest (deploy/checks) fails when an events record is missing here.
 */
@RegisterForReflection(targets = {LoginFailed.class, AccountLocked.class, AccessDenied.class,
    RefreshTokenReused.class, TenantStatusChanged.class})
public final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
