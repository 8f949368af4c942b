package io.fieldsales.cash.domain;

/** How a rep collected money in a session. Only CASH ends up in the drawer. */
public enum PaymentMethod {
    CASH, CHEQUE, MOBILE_MONEY, CARD;

    public boolean goesInDrawer() {
        return this == CASH;
    }

    public static PaymentMethod parse(String field, String value) {
        if (value == null) {
            throw new InvalidCashInput(field, "is required (CASH, CHEQUE, MOBILE_MONEY or CARD)");
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidCashInput(field, "must be one of CASH, CHEQUE, MOBILE_MONEY, CARD");
        }
    }
}
