package io.fieldsales.gateway.proxy;

import io.fieldsales.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Each upstream's OpenAPI document, asked from its management interface ({@code /q/openapi?format=json}, where its
 * readiness also answers) in parallel, each within {@code fieldsales.gateway.openapi.fetch-timeout}. A service that
 * is down, slow or answers anything but a 200 is simply absent from the result: the merged document then lacks its
 * paths, it never fails.
 */
@ApplicationScoped
public class UpstreamApiDocuments {

    private static final Logger LOG = Logger.getLogger(UpstreamApiDocuments.class);
    /** Documents are a few hundred KiB at most; anything larger is not one of ours. */
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    @Inject
    Upstreams upstreams;

    @Inject
    GatewayConfig config;

    /** The documents that could be fetched, by upstream name. */
    public Uni<Map<String, String>> fetchAll() {
        List<Uni<Map.Entry<String, Optional<String>>>> fetches = new ArrayList<>();
        for (Upstream u : upstreams.all().values()) {
            fetches.add(fetch(u).map(doc -> Map.entry(u.name(), doc)));
        }
        if (fetches.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.join().all(fetches).andCollectFailures().map(results -> {
            Map<String, String> documents = new TreeMap<>();
            results.forEach(e -> e.getValue().ifPresent(doc -> documents.put(e.getKey(), doc)));
            return documents;
        });
    }

    private Uni<Optional<String>> fetch(Upstream upstream) {
        Duration timeout = config.openapi().fetchTimeout();
        String path = config.openapi().documentPath();
        RequestOptions options = upstream.config().managementUrl()
                .map(m -> new RequestOptions().setAbsoluteURI(m.replaceAll("/+$", "") + path))
                .orElseGet(() -> upstream.requestOptions().setURI(path))
                .setMethod(HttpMethod.GET)
                .putHeader("Accept", "application/json")
                .setIdleTimeout(timeout.toMillis());
        return Uni.createFrom().completionStage(() -> upstream.client().request(options)
                        .compose(request -> request.send())
                        .compose(response -> response.body().map(body -> {
                            if (response.statusCode() != 200 || body.length() > MAX_BYTES) {
                                LOG.warnf("OpenAPI document of %s: status %d, %d bytes; left out", upstream.name(),
                                        response.statusCode(), body.length());
                                return Optional.<String>empty();
                            }
                            return Optional.of(body.toString(StandardCharsets.UTF_8));
                        }))
                        .toCompletionStage())
                .ifNoItem().after(timeout).recoverWithItem(Optional.empty())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("OpenAPI document of %s unavailable: %s", upstream.name(), failure.toString());
                    return Optional.empty();
                });
    }
}
