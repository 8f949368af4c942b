package io.fieldsales.cash.domain;

/** Why a variance happened, as the supervisor judges it. */
public enum ReasonCode {
    COUNT_ERROR, THEFT_SUSPECTED, CHANGE_GIVEN_WRONG, OTHER;

    /** Null stays null (a finance decision may rely on the supervisor's reason). */
    public static ReasonCode parse(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidCashInput(field, "must be one of COUNT_ERROR, THEFT_SUSPECTED, CHANGE_GIVEN_WRONG, OTHER");
        }
    }
}
