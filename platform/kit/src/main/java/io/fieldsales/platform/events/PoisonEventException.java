package io.fieldsales.platform.events;

/**
 * An event that can never be processed (no id, no tenant, broken JSON, unknown schema). Retrying is pointless:
 * consumers abort their retries on it ({@code @Retry(abortOn = PoisonEventException.class)}) and the connector's
 * dead-letter strategy sends the record to {@code <topic>.dlq} with this message as {@code dead-letter-reason}.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
