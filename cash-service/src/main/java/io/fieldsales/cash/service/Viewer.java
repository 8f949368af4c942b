package io.fieldsales.cash.service;

import io.fieldsales.platform.context.Actor;
import java.util.Set;

/** Who reads: session owners see their own sessions, the office roles see the tenant's. */
public final class Viewer {

    private static final Set<String> TENANT_WIDE = Set.of("supervisor", "finance", "admin", "manager", "auditor");

    private Viewer() {
    }

    public static boolean seesTenant(Actor actor) {
        return actor.roles().stream().anyMatch(TENANT_WIDE::contains);
    }
}
