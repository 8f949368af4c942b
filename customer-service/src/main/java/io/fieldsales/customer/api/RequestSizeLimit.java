package io.fieldsales.customer.api;

import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.platform.errors.ProblemWriter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Holds every endpoint but the bulk import to 1 MiB (413 payload_too_large). The HTTP layer's own limit is larger
 * so that an import of 10,000 rows fits; it still bounds bodies sent without a Content-Length.
 */
@ApplicationScoped
public class RequestSizeLimit {

    static final String IMPORT_PATH = "/api/v1/customers/import";

    @Inject
    ProblemWriter problems;

    @Inject
    CustomerConfig config;

    void install(@Observes Filters filters) {
        // after the platform's request-context filter (10 000), so the problem carries the request id
        filters.register(this::handle, 9_000);
    }

    void handle(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long max = config.maxJsonBodyBytes();
        if (length != null && !IMPORT_PATH.equals(rc.normalizedPath()) && declaredLength(length) > max) {
            problems.send(rc.response(), ProblemWriter.payloadTooLarge(max), rc.normalizedPath());
            return;
        }
        rc.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
