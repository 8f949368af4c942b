package io.fieldsales.cash.api;

/**
 * Who may do what with cash (JWT {@code groups}); the full endpoints x roles table is in the module README.
 * Reps and cashiers own sessions; supervisors and finance decide variances; finance confirms deposits and records
 * non-cash payments; admins set the policy; managers and auditors read.
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
