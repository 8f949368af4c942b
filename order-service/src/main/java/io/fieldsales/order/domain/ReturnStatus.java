package io.fieldsales.order.domain;

/** REQUESTED -> APPROVED (at once, or after approval) -> RECEIVED; REQUESTED -> REJECTED by an approver. */
public enum ReturnStatus {
    REQUESTED, APPROVED, REJECTED, RECEIVED;

    /** The status after {@code action} (approve, reject, receive), or {@link InvalidTransition}. */
    public ReturnStatus next(String action) {
        ReturnStatus to = switch (action) {
            case "approve" -> this == REQUESTED ? APPROVED : null;
            case "reject" -> this == REQUESTED ? REJECTED : null;
            case "receive" -> this == APPROVED ? RECEIVED : null;
            default -> null;
        };
        if (to == null) {
            throw new InvalidTransition("return", name(), action);
        }
        return to;
    }
}
