package io.fieldsales.gateway.proxy;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.PublicApiMerger;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The merged public OpenAPI document ({@link PublicApiMerger}) of the gateway's own endpoints and the upstreams'
 * documents ({@link UpstreamApiDocuments}), built on a worker thread and cached: a complete one for
 * {@code fieldsales.gateway.openapi.refresh-interval}, one missing an unreachable upstream for
 * {@code retry-interval}. A stale document is served at once while one rebuild (never more) runs in the background;
 * only the very first request waits for the upstreams (at most their fetch timeout).
 */
@ApplicationScoped
public class PublicApiDocument {

    private static final Logger LOG = Logger.getLogger(PublicApiDocument.class);

    @Inject
    UpstreamApiDocuments upstreamDocuments;

    @Inject
    Upstreams upstreams;

    @Inject
    OpenApiDocumentService ownDocument;

    @Inject
    GatewayConfig config;

    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Uni<Snapshot>> rebuilding = new AtomicReference<>();

    /** One merged document in both formats, with the upstreams it lacks. */
    public record Snapshot(String json, String yaml, List<String> unavailable, Instant builtAt) {
    }

    public Uni<Snapshot> get() {
        Snapshot snapshot = current.get();
        if (snapshot == null) {
            return rebuild();
        }
        Duration maxAge = snapshot.unavailable().isEmpty() ? config.openapi().refreshInterval()
                : config.openapi().retryInterval();
        if (snapshot.builtAt().plus(maxAge).isBefore(Instant.now())) {
            rebuild().subscribe().with(s -> {
            }, failure -> LOG.warn("Rebuilding the merged OpenAPI document failed", failure));
        }
        return Uni.createFrom().item(snapshot);
    }

    private Uni<Snapshot> rebuild() {
        Uni<Snapshot> running = rebuilding.get();
        if (running != null) {
            return running;
        }
        Uni<Snapshot> build = upstreamDocuments.fetchAll()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(this::merge)
                .invoke(current::set)
                .onTermination().invoke(() -> rebuilding.set(null))
                .memoize().indefinitely();
        return rebuilding.compareAndSet(null, build) ? build : rebuild();
    }

    private Snapshot merge(Map<String, String> documents) {
        String own = new String(ownDocument.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON),
                StandardCharsets.UTF_8);
        PublicApiMerger.Merged merged = PublicApiMerger.merge(own, documents, upstreams.all().keySet(),
                config.openapi().serverUrl());
        if (!merged.unavailable().isEmpty()) {
            LOG.infof("Merged OpenAPI document without %s (unreachable); asking again in %s", merged.unavailable(),
                    config.openapi().retryInterval());
        }
        return new Snapshot(merged.json(), merged.yaml(), merged.unavailable(), Instant.now());
    }
}
