package io.fieldsales.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real HTTP service behind the gateway, on the port the gateway is configured with for {@code upstream}.
 * It answers {@code /q/health/ready} with 200, {@code /q/openapi} with the document given to
 * {@link #withOpenApi(String)} (when given), and every other path with JSON echoing the request (method, path,
 * query, headers, body size); {@code ?delayMs=N} delays the answer, {@code ?status=N} sets the status.
 */
public final class FakeUpstream implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicReference<Map<String, String>> lastHeaders = new AtomicReference<>();
    private final AtomicLong lastBodyBytes = new AtomicLong();
    private final AtomicReference<String> openApi = new AtomicReference<>();

    private FakeUpstream(int port) throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static int port(String upstream) {
        String url = ConfigProvider.getConfig().getValue("fieldsales.gateway.upstreams." + upstream + ".url",
                String.class);
        return URI.create(url).getPort();
    }

    /** Starts the service the gateway knows as {@code upstream} (customer, order, cash, audit). */
    public static FakeUpstream start(String upstream) throws Exception {
        return new FakeUpstream(port(upstream));
    }

    private void handle(HttpServerRequest request) {
        if (request.path().equals("/q/health/ready")) {
            request.response().end("{\"status\":\"UP\"}");
            return;
        }
        if (request.path().equals("/q/openapi") && openApi.get() != null) {
            request.response().putHeader("Content-Type", "application/json").end(openApi.get());
            return;
        }
        hits.incrementAndGet();
        Map<String, String> headers = new ConcurrentHashMap<>();
        request.headers().forEach(e -> headers.merge(e.getKey().toLowerCase(), e.getValue(), (a, b) -> a + "," + b));
        lastHeaders.set(headers);
        AtomicLong bytes = new AtomicLong();
        request.handler(chunk -> bytes.addAndGet(chunk.length()));
        request.endHandler(v -> {
            lastBodyBytes.set(bytes.get());
            long delay = parse(request.getParam("delayMs"), 0);
            int status = (int) parse(request.getParam("status"), 200);
            JsonObject echo = new JsonObject().put("method", request.method().name()).put("path", request.path())
                    .put("query", request.query()).put("bodyBytes", bytes.get())
                    .put("headers", new JsonObject(Map.copyOf(headers)));
            Runnable answer = () -> {
                if (!request.response().closed()) {
                    request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                            .putHeader("Server", "fake-upstream/1.0").putHeader("X-Request-Id", "upstream-own-id")
                            .end(Buffer.buffer(echo.encode()));
                }
            };
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Serves {@code document} as this service's OpenAPI document (its management interface's /q/openapi). */
    public FakeUpstream withOpenApi(String document) {
        openApi.set(document);
        return this;
    }

    public int hits() {
        return hits.get();
    }

    public Map<String, String> lastHeaders() {
        return lastHeaders.get();
    }

    public long lastBodyBytes() {
        return lastBodyBytes.get();
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
