package io.fieldsales.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The stack's console: aligned progress lines and banner lines, paths shown relative to the working directory. */
final class StackConsole {

    private final PrintStream out;

    StackConsole(PrintStream out) {
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    void println(String line) {
        out.println(line);
    }

    void println() {
        out.println();
    }

    /** {@code  ready     kafka             127.0.0.1:59092             5.6 s}; no time when {@code since} is null. */
    void progress(String what, String name, String where, Instant since) {
        String time = since == null ? ""
                : String.format(Locale.ROOT, "%6.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  %-9s %-17s %-24s %s%n", what, name, where, time);
    }

    /** A labelled line of the banner. */
    void line(String label, String value) {
        out.printf("  %-17s %s%n", label, value);
    }

    void printf(String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
    }

    /** A path relative to the working directory when it is below it (shorter, copy-pasteable). */
    static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
