package io.fieldsales.customer.api;

/**
 * Who may do what with customers (JWT {@code groups}). The issue left most of this open; the choices are in the
 * module README: everyone who works with customers reads them, field and office staff create and edit them, only
 * managers fold customers together or restore them, only tenant admins erase, check consistency or see deleted ones.
 */
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
