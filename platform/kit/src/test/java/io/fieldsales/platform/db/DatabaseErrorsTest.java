package io.fieldsales.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void findsTheViolatedUniqueConstraintThroughWrappers() {
        PgException pg = new PgException("duplicate key", "ERROR", "23505", "Key (x)=(1) already exists.");
        assertThat(DatabaseErrors.uniqueViolation(new CompletionException(new RuntimeException(pg)))).isPresent();
        assertThat(DatabaseErrors.uniqueViolation(new RuntimeException("other"))).isEmpty();
        assertThat(DatabaseErrors.uniqueViolation(new PgException("fk", "ERROR", "23503", null))).isEmpty();
    }

    @Test
    void serializationFailuresAndDeadlocksAreTransientConstraintViolationsAreNot() {
        assertThat(DatabaseErrors.isTransient(new PgException("s", "ERROR", "40001", null))).isTrue();
        assertThat(DatabaseErrors.isTransient(new RuntimeException(new PgException("d", "ERROR", "40P01", null))))
                .isTrue();
        assertThat(DatabaseErrors.isTransient(new PgException("u", "ERROR", "23505", null))).isFalse();
        assertThat(DatabaseErrors.classify(new PgException("s", "ERROR", "40001", null)))
                .isInstanceOf(TransientDatabaseException.class);
        RuntimeException permanent = new IllegalStateException("bug");
        assertThat(DatabaseErrors.classify(permanent)).isSameAs(permanent);
    }
}
