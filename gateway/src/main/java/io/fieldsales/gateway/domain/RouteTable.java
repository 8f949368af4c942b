package io.fieldsales.gateway.domain;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which service owns a path under {@code /api/v1/}: decided by the first path segment. */
public final class RouteTable {

    public static final String CUSTOMER = "customer";
    public static final String ORDER = "order";
    public static final String CASH = "cash";
    public static final String AUDIT = "audit";

    private static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("customers", CUSTOMER),
            Map.entry("products", ORDER),
            Map.entry("stock", ORDER),
            Map.entry("pricing-rules", ORDER),
            Map.entry("pricing", ORDER),
            Map.entry("quotations", ORDER),
            Map.entry("orders", ORDER),
            Map.entry("returns", ORDER),
            Map.entry("credit-notes", ORDER),
            Map.entry("approvals", ORDER),
            Map.entry("approval-policies", ORDER),
            Map.entry("cash-sessions", CASH),
            Map.entry("cash-policies", CASH),
            Map.entry("deposits", CASH),
            Map.entry("receivables", CASH),
            Map.entry("reports", CASH),
            Map.entry("audit", AUDIT));

    /** Matches the proxied paths: the segment is followed by the end, a slash or a query. */
    public static final String PATH_REGEX = "/api/v1/(" + String.join("|", OWNER.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()) + ")(/.*)?";

    private static final Pattern PATH = Pattern.compile(PATH_REGEX);

    private RouteTable() {
    }

    /** The upstream owning a request path (without query), or empty when the gateway does not proxy it. */
    public static Optional<String> upstreamFor(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = PATH.matcher(path);
        return m.matches() ? Optional.of(OWNER.get(m.group(1))) : Optional.empty();
    }

    public static java.util.Set<String> upstreams() {
        return java.util.Set.copyOf(OWNER.values());
    }
}
