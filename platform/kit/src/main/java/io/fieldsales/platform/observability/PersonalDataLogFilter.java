package io.fieldsales.platform.observability;

import io.quarkus.logging.LoggingFilter;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps personal data that libraries print at DEBUG and TRACE out of every log handler (console, JSON, file): our own
 * code never logs a token, password, email, phone or name, but Hibernate lists whole entities (an account's
 * username, a customer's email and phone, a password hash) when it flushes at DEBUG, and the SQL clients print
 * statement parameters at TRACE. Their records below INFO are dropped, whoever raises those categories; their INFO
 * and above (warnings, errors) pass. Linked to the handlers by {@code quarkus.log.console.filter=personal-data} (and
 * the file handler's) in the kit's configuration; {@code LogCapture} in the test kit applies the same filter, so the
 * leak checks see what the handlers write.
 */
@LoggingFilter(name = PersonalDataLogFilter.NAME)
public final class PersonalDataLogFilter implements Filter {

    public static final String NAME = "personal-data";

    /** Categories whose DEBUG/TRACE output carries entity state or statement parameters. */
    static final List<String> VERBOSE_WITH_DATA = List.of("org.hibernate", "io.vertx.sqlclient", "io.vertx.pgclient",
            "io.netty.handler.logging");

    @Override
    public boolean isLoggable(LogRecord record) {
        return isLoggable(record.getLoggerName(), record.getLevel());
    }

    /** Whether a record of that logger at that level may be written. */
    public static boolean isLoggable(String loggerName, Level level) {
        if (level == null || level.intValue() >= Level.INFO.intValue() || loggerName == null) {
            return true;
        }
        for (String category : VERBOSE_WITH_DATA) {
            if (loggerName.equals(category) || loggerName.startsWith(category + '.')) {
                return false;
            }
        }
        return true;
    }
}
