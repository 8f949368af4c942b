package io.fieldsales.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PersonalDataLogFilterTest {

    private final PersonalDataLogFilter filter = new PersonalDataLogFilter();

    @Test
    void hibernateAndSqlClientDetailBelowInfoIsDropped() {
        assertThat(filter.isLoggable(record("org.hibernate.orm.core", Level.FINE))).isFalse();
        assertThat(filter.isLoggable(record("org.hibernate.SQL", Level.FINEST))).isFalse();
        assertThat(filter.isLoggable(record("io.vertx.pgclient.impl.codec", Level.FINER))).isFalse();
        assertThat(filter.isLoggable(record("org.hibernate", Level.FINE))).isFalse();
    }

    @Test
    void theirWarningsAndOurOwnDebugPass() {
        assertThat(filter.isLoggable(record("org.hibernate.orm.core", Level.WARNING))).isTrue();
        assertThat(filter.isLoggable(record("org.hibernate.orm.core", Level.INFO))).isTrue();
        assertThat(filter.isLoggable(record("io.fieldsales.customer", Level.FINE))).isTrue();
        assertThat(filter.isLoggable(record("org.hibernatex", Level.FINE))).isTrue();
    }

    private static LogRecord record(String logger, Level level) {
        LogRecord r = new LogRecord(level, "entity {id=1, email=jo@example.com}");
        r.setLoggerName(logger);
        return r;
    }
}
