package io.fieldsales.gateway.events;

/** CloudEvent types the gateway publishes on {@code security.events} (listed in docs/events/asyncapi.yaml). */
public final class SecurityEventTypes {

    public static final String TOPIC = "security.events";
    public static final String LOGIN_FAILED = "io.fieldsales.gateway.login.failed.v1";
    public static final String ACCOUNT_LOCKED = "io.fieldsales.gateway.account.locked.v1";
    public static final String REFRESH_TOKEN_REUSED = "io.fieldsales.gateway.refresh_token.reused.v1";
    public static final String ACCESS_DENIED = "io.fieldsales.gateway.access.denied.v1";
    public static final String TENANT_DISABLED = "io.fieldsales.gateway.tenant.disabled.v1";
    public static final String TENANT_ENABLED = "io.fieldsales.gateway.tenant.enabled.v1";

    private SecurityEventTypes() {
    }
}
