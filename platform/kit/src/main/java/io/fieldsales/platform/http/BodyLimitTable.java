package io.fieldsales.platform.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The largest request body each path accepts: the limit of the longest configured prefix that matches the path
 * (a prefix matches itself and everything below it: {@code /api/v1/customers/import} covers
 * {@code /api/v1/customers/import/...} but not {@code /api/v1/customers/imports}), else the default.
 */
public final class BodyLimitTable {

    private record Route(String prefix, long maxBytes) {
    }

    private final long defaultMaxBytes;
    private final List<Route> routes;

    private BodyLimitTable(long defaultMaxBytes, List<Route> routes) {
        this.defaultMaxBytes = defaultMaxBytes;
        this.routes = routes;
    }

    /**
     * @param defaultMaxBytes the limit of every path no route names
     * @param entries         {@code <path prefix>=<size>} entries, sizes as {@link #parseSize} reads them
     */
    public static BodyLimitTable of(long defaultMaxBytes, List<String> entries) {
        List<Route> routes = new ArrayList<>();
        for (String entry : entries) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || !entry.startsWith("/")) {
                throw new IllegalArgumentException("Body limit route must be '<path prefix>=<size>': " + entry);
            }
            String prefix = entry.substring(0, eq).strip();
            if (prefix.length() > 1 && prefix.endsWith("/")) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
            routes.add(new Route(prefix, parseSize(entry.substring(eq + 1))));
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        return new BodyLimitTable(defaultMaxBytes, List.copyOf(routes));
    }

    public long maxBytes(String path) {
        if (path != null) {
            for (Route r : routes) {
                if (path.equals(r.prefix()) || path.startsWith(r.prefix().endsWith("/") ? r.prefix()
                        : r.prefix() + "/")) {
                    return r.maxBytes();
                }
            }
        }
        return defaultMaxBytes;
    }

    /** {@code 512}, {@code 64K}, {@code 1M}, {@code 2G} (binary units, case-insensitive). */
    public static long parseSize(String text) {
        String s = text.strip().toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        switch (last) {
            case 'K' -> unit = 1024L;
            case 'M' -> unit = 1024L * 1024;
            case 'G' -> unit = 1024L * 1024 * 1024;
            default -> unit = 1;
        }
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1).strip();
        long value = Long.parseLong(digits);
        if (value < 0) {
            throw new IllegalArgumentException("Negative size: " + text);
        }
        return Math.multiplyExact(value, unit);
    }
}
