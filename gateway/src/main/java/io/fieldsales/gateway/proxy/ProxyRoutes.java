package io.fieldsales.gateway.proxy;

import io.fieldsales.gateway.domain.Roles;
import io.fieldsales.gateway.domain.RouteTable;
import io.fieldsales.platform.errors.ProblemWriter;
import io.fieldsales.gateway.edge.VerifiedToken;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proxies {@code /api/v1/<resource>/**} to the owning service, after the JWT was verified at the edge: 401 for a
 * missing or invalid token, 403 {@code tenant_required} for a token without a tenant (platform users cannot read
 * tenant data through the proxy), except a platform admin's on the audit-service's platform chain
 * ({@link RouteTable#platformPath}). Bodies stream both ways (vertx-http-proxy; no buffering), within the server's
 * body limit.
 */
@ApplicationScoped
public class ProxyRoutes {

    @Inject
    Upstreams upstreams;

    @Inject
    ProblemWriter problems;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        // one route per resource, named by it: Vert.x reports a route's name to the tracer, which names the server
        // span and its http.route after it (a regex route would be named by its regex)
        for (String resource : RouteTable.resources()) {
            router.routeWithRegex("/api/v1/" + java.util.regex.Pattern.quote(resource) + "(/.*)?").order(-10)
                    .setName(RouteTable.routeName(resource)).handler(this::proxy);
        }
    }

    void proxy(RoutingContext rc) {
        String path = rc.normalizedPath();
        Upstream upstream = RouteTable.upstreamFor(path).flatMap(upstreams::get).orElse(null);
        if (upstream == null) {
            rc.next();
            return;
        }
        RouteTemplates.mark(rc, RouteTable.templateOf(path));
        VerifiedToken token = VerifiedToken.of(rc);
        if (!token.valid()) {
            rc.response().putHeader("WWW-Authenticate", token.present() ? "Bearer error=\"invalid_token\"" : "Bearer");
            problems.send(rc.response(), new ProblemException(ErrorCode.UNAUTHORIZED,
                    token.present() ? "The bearer token is invalid or expired" : "A bearer token is required"), path);
            return;
        }
        if (token.tenantId() == null && !(RouteTable.platformPath(path) && token.roles().contains(Roles.PLATFORM_ADMIN))) {
            problems.send(rc.response(), new ProblemException(ErrorCode.TENANT_REQUIRED,
                    "This token is not bound to a tenant; tenant data needs a tenant user's token"), path);
            return;
        }
        HttpProxy.reverseProxy(upstream.client())
                .origin(ctx -> ctx.client().request(upstream.requestOptions()))
                .addInterceptor(new ForwardingInterceptor(rc, upstream, problems, maxBodySize.asLongValue()))
                .handle(rc.request());
    }
}
