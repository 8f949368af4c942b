package io.fieldsales.local;

/** The stack could not start; the message says what and what to do, for a person to read. */
public class StackStartException extends Exception {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
