package io.fieldsales.gateway.proxy;

import io.fieldsales.gateway.config.GatewayConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness aggregates the upstreams' own readiness (each asked in parallel, 2 s at most) and reports each one
 * with its circuit state. Only readiness: liveness never depends on another service, so a dead upstream never
 * gets the gateway restarted. Which upstreams are required is configurable (default: all).
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadinessCheck implements AsyncHealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Map.Entry<String, Boolean>>> probes = new ArrayList<>();
        for (Upstream u : upstreams.all().values()) {
            probes.add(probe(u).map(ready -> Map.entry(u.name(), ready)));
        }
        Set<String> required = config.edge().requiredUpstreams().map(Set::copyOf)
                .orElse(upstreams.all().keySet());
        return Uni.join().all(probes).andCollectFailures().map(results -> {
            Map<String, Boolean> ready = new TreeMap<>();
            results.forEach(e -> ready.put(e.getKey(), e.getValue()));
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams");
            boolean up = true;
            for (Map.Entry<String, Boolean> e : ready.entrySet()) {
                Upstream u = upstreams.get(e.getKey()).orElseThrow();
                builder.withData(e.getKey(), (e.getValue() ? "UP" : "DOWN") + " (circuit "
                        + u.circuitState().name().toLowerCase() + ")");
                if (!e.getValue() && required.contains(e.getKey())) {
                    up = false;
                }
            }
            return builder.status(up).build();
        });
    }

    private Uni<Boolean> probe(Upstream upstream) {
        String path = upstream.config().readinessPath();
        RequestOptions options = upstream.config().managementUrl()
                .map(m -> new RequestOptions().setAbsoluteURI(m.replaceAll("/+$", "") + path))
                .orElseGet(() -> upstream.requestOptions().setURI(path))
                .setMethod(HttpMethod.GET)
                .setIdleTimeout(PROBE_TIMEOUT.toMillis());
        return Uni.createFrom().completionStage(() -> upstream.client().request(options)
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> response.statusCode() == 200))
                        .toCompletionStage())
                .ifNoItem().after(PROBE_TIMEOUT).recoverWithItem(false)
                .onFailure().recoverWithItem(false);
    }
}
