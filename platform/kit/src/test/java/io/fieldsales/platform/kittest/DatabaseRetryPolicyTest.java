package io.fieldsales.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit's one database policy, applied by name with {@code @ApplyGuard} to methods returning {@code Uni}. */
@QuarkusTest
class DatabaseRetryPolicyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    GuardedWork work;

    @BeforeEach
    void reset() {
        work.reset();
    }

    @Test
    void aDeadlockIsRetriedUntilTheTransactionSucceeds() {
        String result = work.transaction(2, () -> new PgException("deadlock", "ERROR", "40P01", null))
                .await().atMost(DEADLINE);
        assertThat(result).isEqualTo("done");
        assertThat(work.attempts()).isEqualTo(3);
    }

    @Test
    void aTransientFaultDeepInTheCauseChainIsRetriedToo() {
        String result = work.transaction(1, () -> new IllegalStateException("wrapped",
                new PgException("serialization", "ERROR", "40001", null))).await().atMost(DEADLINE);
        assertThat(result).isEqualTo("done");
        assertThat(work.attempts()).isEqualTo(2);
    }

    @Test
    void aConstraintViolationIsNeverRetried() {
        assertThatThrownBy(() -> work.transaction(5, () -> new PgException("dup", "ERROR", "23505", null))
                .await().atMost(DEADLINE)).isInstanceOf(PgException.class);
        assertThat(work.attempts()).isEqualTo(1);
    }

    @Test
    void aFaultThatOutlastsThreeRetriesFailsWithTheOriginalFailure() {
        assertThatThrownBy(() -> work.transaction(100, () -> new PgException("deadlock", "ERROR", "40P01", null))
                .await().atMost(DEADLINE)).isInstanceOf(PgException.class).hasMessageContaining("deadlock");
        assertThat(work.attempts()).isEqualTo(4);
    }

    @Test
    void thePolicysNumbersAreOverriddenInConfigurationByItsName() {
        // application.properties: quarkus.fault-tolerance."database-tenant-scan".timeout.value=300 (not 30 s)
        assertThatThrownBy(() -> work.scanThatHangs().await().atMost(DEADLINE))
                .isInstanceOf(TimeoutException.class);
        assertThat(work.attempts()).isEqualTo(1);
    }
}
