package io.fieldsales.cash.domain;

/** A step of the four-eyes review of a variance, and the role that decides it. */
public enum ApprovalStep {
    SUPERVISOR("supervisor"), FINANCE("finance");

    private final String role;

    ApprovalStep(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }
}
