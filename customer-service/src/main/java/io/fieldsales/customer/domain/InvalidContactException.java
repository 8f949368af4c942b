package io.fieldsales.customer.domain;

/** A contact (email or phone) that cannot be canonicalized: a validation error, never a silent pass. */
public class InvalidContactException extends RuntimeException {

    public InvalidContactException(String message) {
        super(message, null, false, false);
    }
}
