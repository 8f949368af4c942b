package io.fieldsales.cash.domain;

/** A field of a request that breaks a money or cash rule (a 400 with the field named). */
public class InvalidCashInput extends RuntimeException {

    private final String field;

    public InvalidCashInput(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
