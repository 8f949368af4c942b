package io.fieldsales.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.vertx.ext.web.RoutingContext;

/**
 * Names a proxied request by its route template ({@code RouteTable.templateOf}) where Micrometer's
 * {@code http.server.requests} (its {@code uri} tag), the server span (attribute {@code fieldsales.route.template}) and the access
 * log look for it: a regex route has no template of its own, and the raw path carries ids.
 */
public final class RouteTemplates {

    /** Where Quarkus REST leaves the template of a resource method, and Micrometer's HTTP binder reads it. */
    public static final String KEY = "UrlPathTemplate";

    /** The span attribute holding a proxied request's route template. */
    public static final String SPAN_ATTRIBUTE = "fieldsales.route.template";

    private RouteTemplates() {
    }

    static void mark(RoutingContext rc, String template) {
        if (template == null) {
            return;
        }
        rc.put(KEY, template);
        Span span = Span.current();
        if (span.getSpanContext().isValid()) {
            // the span's name and http.route are the route's (RouteTable.routeName: Vert.x reports it to the tracer
            // when the span ends); the finer template goes beside them
            span.setAttribute(SPAN_ATTRIBUTE, template);
        }
    }

    /** The template of a request served so far (a resource method's or a proxied route's), or null. */
    public static String of(RoutingContext rc) {
        Object t = rc.get(KEY);
        return t == null ? null : t.toString();
    }
}
