package io.fieldsales.order;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for customer-service (a remote service, not our database or broker): the JDK's HTTP server on a free
 * port answering {@code GET /api/v1/customers/{id}} from {@link #customers}; {@link #mode} plays outages.
 */
public class FakeCustomerService implements QuarkusTestResourceLifecycleManager {

    /** How the fake behaves right now. */
    public enum Mode { NORMAL, ERROR_503, HANG }

    public static final Map<String, String> customers = new ConcurrentHashMap<>();
    public static final Map<String, String> lastAuthorization = new ConcurrentHashMap<>();
    public static final AtomicInteger calls = new AtomicInteger();
    public static volatile Mode mode = Mode.NORMAL;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/customers/", exchange -> {
            calls.incrementAndGet();
            String id = exchange.getRequestURI().getPath().substring("/api/v1/customers/".length());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                lastAuthorization.put(id, auth);
            }
            int status;
            String body;
            switch (mode) {
                case HANG -> {
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    status = 503;
                    body = "{}";
                }
                case ERROR_503 -> {
                    status = 503;
                    body = "{\"code\":\"service_unavailable\"}";
                }
                default -> {
                    body = customers.get(id);
                    status = body == null ? 404 : 200;
                    body = body == null ? "{\"code\":\"not_found\"}" : body;
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.customer-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A customer as customer-service's GET answers it. */
    public static void put(String id, String name, String status, String mergedInto) {
        customers.put(id, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"status\":\"" + status
                + "\",\"tags\":[\"fake\"],\"mergedInto\":" + (mergedInto == null ? "null" : "\"" + mergedInto + "\"")
                + ",\"version\":1}");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
