package io.fieldsales.audit.domain;

import java.util.UUID;

/**
 * The platform-level chain: security events that belong to no tenant (a login to an unknown tenant, a lockout
 * before the tenant is known, a platform user's failures) are stored on a chain of their own, with its own
 * sequence, hash chain, head and checkpoints, under this reserved id, readable only by {@code platform_admin}.
 * No tenant can have it (tenant ids are random UUIDs), and an event claiming it as its tenant is rejected.
 */
public final class PlatformChain {

    public static final UUID ID = new UUID(0L, 0L);

    private PlatformChain() {
    }

    public static boolean is(UUID tenantId) {
        return ID.equals(tenantId);
    }
}
