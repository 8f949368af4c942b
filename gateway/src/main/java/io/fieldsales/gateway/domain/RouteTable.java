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

    /**
     * Whether a tenantless platform admin's token may be proxied to this path: only the audit-service's platform
     * chain ({@code /api/v1/audit/platform/**}, tenantless security events), which checks the role itself.
     */
    public static boolean platformPath(String path) {
        return path != null && (path.equals(PLATFORM_AUDIT) || path.startsWith(PLATFORM_AUDIT + "/"));
    }

    private static final String PLATFORM_AUDIT = "/api/v1/audit/platform";

    /**
     * The route template of a proxied path, for metrics, spans and the access log: never the raw path, which
     * carries ids. {@code /api/v1/customers/3f2c.../merge} becomes {@code /api/v1/customers/{id}/merge}: a segment
     * that is not a short lowercase word is {@code {id}}, and anything deeper than three segments under the
     * resource is {@code /**}. Null for paths the gateway does not proxy.
     */
    public static String templateOf(String path) {
        if (path == null) {
            return null;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return null;
        }
        StringBuilder template = new StringBuilder("/api/v1/").append(m.group(1));
        String rest = m.group(2);
        if (rest == null || rest.isEmpty() || rest.equals("/")) {
            return template.toString();
        }
        String[] segments = rest.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i == 3) {
                return template.append("/**").toString();
            }
            template.append('/').append(WORD.matcher(segments[i]).matches() ? segments[i] : "{id}");
        }
        return template.toString();
    }

    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]{0,23}");

    /** The first path segments the gateway proxies ({@code customers}, {@code orders}, ...). */
    public static java.util.Set<String> resources() {
        return OWNER.keySet();
    }

    /** The bounded name of a resource's proxy route (span name and {@code http.route}): {@code /api/v1/orders/**}. */
    public static String routeName(String resource) {
        return "/api/v1/" + resource + "/**";
    }

    public static java.util.Set<String> upstreams() {
        return java.util.Set.copyOf(OWNER.values());
    }
}
