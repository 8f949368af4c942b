package io.fieldsales.cash.domain;

/**
 * The life of a cash session: OPEN (collecting) -> [COUNTING (a rejected count, recounting)] -> PENDING_APPROVAL
 * (a variance awaiting its deciders) or CLOSED -> DEPOSITED -> RECONCILED (the bank confirmed the deposit).
 */
public enum SessionStatus {
    OPEN, COUNTING, PENDING_APPROVAL, CLOSED, DEPOSITED, RECONCILED;

    /** Whether the owner may still move money in or out of the drawer. */
    public boolean acceptsMoney() {
        return this == OPEN;
    }

    /** Whether the owner may hand in a count now. */
    public boolean acceptsCount() {
        return this == OPEN || this == COUNTING;
    }

    /**
     * Whether the owner is kept blind: until the count is decided, the owner sees neither the expected cash nor
     * the variance (nor the running totals they would derive them from).
     */
    public boolean blindToOwner() {
        return this == OPEN || this == COUNTING || this == PENDING_APPROVAL;
    }

    /** Whether the session can go into a bank deposit. */
    public boolean depositable() {
        return this == CLOSED;
    }

    /** Whether {@code next} is a legal next status. */
    public boolean canMoveTo(SessionStatus next) {
        return switch (this) {
            case OPEN, COUNTING -> next == PENDING_APPROVAL || next == CLOSED;
            case PENDING_APPROVAL -> next == PENDING_APPROVAL || next == CLOSED || next == COUNTING;
            case CLOSED -> next == DEPOSITED;
            case DEPOSITED -> next == RECONCILED;
            case RECONCILED -> false;
        };
    }

    public static SessionStatus parse(String field, String value) {
        try {
            return valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCashInput(field, "must be one of OPEN, COUNTING, PENDING_APPROVAL, CLOSED, DEPOSITED,"
                    + " RECONCILED");
        }
    }
}
