package io.fieldsales.gateway.domain;

import java.util.Set;

/** The roles a token may carry: tenant roles (a user may hold several) and the platform-level administrator. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String FINANCE = "finance";
    public static final String SALES_REP = "sales_rep";
    public static final String CASHIER = "cashier";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String PLATFORM_ADMIN = "platform_admin";

    public static final Set<String> TENANT_ROLES = Set.of(ADMIN, MANAGER, FINANCE, SALES_REP, CASHIER, SUPERVISOR,
            AUDITOR);

    private Roles() {
    }

    public static boolean isTenantRole(String role) {
        return TENANT_ROLES.contains(role);
    }
}
