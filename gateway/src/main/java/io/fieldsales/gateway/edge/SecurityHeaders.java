package io.fieldsales.gateway.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The security headers every gateway response carries: nosniff, frame denial, referrer policy, a restrictive CSP,
 * HSTS when the request came over TLS, no-store for API answers; and no server banner.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void apply(HttpServerRequest request, MultiMap headers, String path, String contentSecurityPolicy) {
        headers.remove("Server");
        headers.remove("X-Powered-By");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSSL() || "https".equalsIgnoreCase(request.scheme())) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (path.startsWith("/api/") && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
