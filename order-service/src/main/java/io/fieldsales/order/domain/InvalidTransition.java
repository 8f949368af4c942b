package io.fieldsales.order.domain;

/** 409 {@code invalid_transition}: the action is not allowed from the current status, which it names. */
public class InvalidTransition extends RuleViolation {

    private final String currentStatus;

    public InvalidTransition(String entity, String currentStatus, String action) {
        super("invalid_transition", "A " + entity + " in status " + currentStatus + " cannot " + action);
        this.currentStatus = currentStatus;
    }

    public String currentStatus() {
        return currentStatus;
    }
}
