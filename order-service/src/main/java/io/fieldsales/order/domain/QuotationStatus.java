package io.fieldsales.order.domain;

/** DRAFT -> SENT -> ACCEPTED | REJECTED (a draft may also be accepted or rejected on the spot). */
public enum QuotationStatus {
    DRAFT, SENT, ACCEPTED, REJECTED;

    /** The status after {@code action} (send, accept, reject), or {@link InvalidTransition}. */
    public QuotationStatus next(String action) {
        QuotationStatus to = switch (action) {
            case "send" -> this == DRAFT ? SENT : null;
            case "accept" -> this == DRAFT || this == SENT ? ACCEPTED : null;
            case "reject" -> this == DRAFT || this == SENT ? REJECTED : null;
            default -> null;
        };
        if (to == null) {
            throw new InvalidTransition("quotation", name(), action);
        }
        return to;
    }
}
