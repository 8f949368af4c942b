package io.fieldsales.order.api;

/** Who may do what in order-service (JWT {@code groups}); the table is in the module README. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String SUPERVISOR = "supervisor";
    public static final String SALES_REP = "sales_rep";
    public static final String FINANCE = "finance";
    public static final String CASHIER = "cashier";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
