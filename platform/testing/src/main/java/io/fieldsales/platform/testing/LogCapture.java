package io.fieldsales.platform.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Captures what a running service logs (every logger, through a handler on the root logger) while open, optionally
 * at DEBUG for the loggers that see request data, so a test can assert that marked secrets and personal data never
 * reach a log line: the formatted message, its exception chain and the MDC.
 *
 * <p>A record is captured only if the console handler's filter (the kit's {@code personal-data} filter, configured
 * with {@code quarkus.log.console.filter}) lets it through: the capture holds what the service's log would show.
 *
 * <pre>{@code try (LogCapture logs = LogCapture.atDebug()) { ...drive endpoints...; assertThat(logs.linesCarrying(marked)).isEmpty(); }}</pre>
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** Loggers raised to DEBUG by {@link #atDebug()}: ours and the libraries a request's data passes through. */
    public static final List<String> DEBUG_LOGGERS = List.of("io.fieldsales", "io.quarkus", "io.vertx", "io.smallrye",
            "org.hibernate", "io.netty.handler.codec.http");

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Map<Logger, Level> raised = new LinkedHashMap<>();
    private final Logger root = Logger.getLogger("");
    private final Filter consoleFilter = consoleFilter(root.getHandlers());

    private LogCapture(boolean debug) {
        setLevel(Level.ALL);
        if (debug) {
            for (String name : DEBUG_LOGGERS) {
                Logger logger = Logger.getLogger(name);
                raised.put(logger, logger.getLevel());
                logger.setLevel(Level.FINE);
            }
        }
        root.addHandler(this);
    }

    /** Captures at the configured levels (INFO). */
    public static LogCapture atInfo() {
        return new LogCapture(false);
    }

    /** Captures with {@link #DEBUG_LOGGERS} raised to DEBUG until closed. */
    public static LogCapture atDebug() {
        return new LogCapture(true);
    }

    @Override
    public void publish(LogRecord record) {
        if (consoleFilter != null && !consoleFilter.isLoggable(record)) {
            return;
        }
        StringBuilder line = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + " ");
        if (record instanceof ExtLogRecord ext) {
            line.append(ext.getFormattedMessage());
            ext.getMdcCopy().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        } else {
            line.append(record.getMessage());
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
        }
        lines.add(line.toString());
    }

    /** Every captured line. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** The captured lines containing one of the marked values (case-insensitive); empty when nothing leaked. */
    public List<String> linesCarrying(Collection<String> marked) {
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String m : marked) {
                if (lower.contains(m.toLowerCase(Locale.ROOT))) {
                    leaks.add("[" + m + "] " + line);
                }
            }
        }
        return leaks;
    }

    /** The filter of the console handler Quarkus installed under the root logger (inside its delayed handler). */
    private static Filter consoleFilter(Handler[] handlers) {
        for (Handler h : handlers) {
            if (h instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
                return h.getFilter();
            }
            if (h instanceof org.jboss.logmanager.ExtHandler ext) {
                Filter inner = consoleFilter(ext.getHandlers());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        raised.forEach(Logger::setLevel);
    }
}
