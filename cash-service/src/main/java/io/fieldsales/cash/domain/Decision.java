package io.fieldsales.cash.domain;

/** A decider's answer on a variance. */
public enum Decision {
    APPROVE, REJECT;

    public static Decision parse(String field, String value) {
        try {
            return valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCashInput(field, "must be APPROVE or REJECT");
        }
    }
}
