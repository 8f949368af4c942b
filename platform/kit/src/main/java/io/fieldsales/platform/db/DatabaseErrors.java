package io.fieldsales.platform.db;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Reads what PostgreSQL said through the layers Hibernate Reactive and Vert.x wrap around it, so services can
 * translate constraint violations into problems and retry only transient faults.
 */
public final class DatabaseErrors {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String SERIALIZATION_FAILURE = "40001";
    public static final String DEADLOCK_DETECTED = "40P01";
    private static final Set<String> TRANSIENT_STATES = Set.of(SERIALIZATION_FAILURE, DEADLOCK_DETECTED,
            "55P03" /* lock not available */, "57P01" /* admin shutdown */, "08006", "08003", "08001");

    private DatabaseErrors() {
    }

    /** The name of the unique constraint the failure violated, if it is a unique violation. */
    public static Optional<String> uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return Optional.of(pg.getConstraint() == null ? "" : pg.getConstraint());
            }
            if (t instanceof ConstraintViolationException cv && cv.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return Optional.of(cv.getConstraintName() == null ? "" : cv.getConstraintName());
            }
        }
        return Optional.empty();
    }

    /** Whether retrying the whole transaction may succeed: serialization failure, deadlock, lost connection. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null && TRANSIENT_STATES.contains(pg.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports PostgreSQL errors as SQLExceptions (e.g. inside LockAcquisitionException)
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (t instanceof io.vertx.core.VertxException ve && ve.getMessage() != null
                    && ve.getMessage().contains("Connection")) {
                return true;
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wraps a transient failure in {@link TransientDatabaseException} (which {@code @Retry(retryOn = ...)} targets)
     * and leaves every other failure as it is: {@code .onFailure().transform(DatabaseErrors::classify)}.
     */
    public static Throwable classify(Throwable failure) {
        return isTransient(failure) && !(failure instanceof TransientDatabaseException)
                ? new TransientDatabaseException(failure) : failure;
    }
}
