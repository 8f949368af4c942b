package io.fieldsales.platform.db;

/** A database failure worth retrying the whole transaction for (see {@link DatabaseErrors#classify}). */
public class TransientDatabaseException extends RuntimeException {

    public TransientDatabaseException(Throwable cause) {
        super("Transient database failure: " + cause.getMessage(), cause);
    }
}
