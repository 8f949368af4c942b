package io.fieldsales.gateway.service;

/** A bearer token that is not one of ours, or not valid now; the reason is for logs only, never for clients. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
