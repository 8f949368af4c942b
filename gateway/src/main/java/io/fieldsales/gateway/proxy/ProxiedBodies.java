package io.fieldsales.gateway.proxy;

import io.fieldsales.gateway.domain.RouteTable;
import io.fieldsales.platform.http.StreamedBodies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The proxied paths stream their bodies to the owning service and count them on the way ({@link LimitedBody}, up to
 * {@code quarkus.http.limits.max-body-size}; the service holds each endpoint to its own limit); every other path,
 * the gateway's own endpoints, is held by the kit's body limit ({@code fieldsales.http.body-limits.*}, 64 KiB).
 */
@ApplicationScoped
public class ProxiedBodies implements StreamedBodies {

    @Override
    public boolean streams(String path) {
        return RouteTable.upstreamFor(path).isPresent();
    }
}
