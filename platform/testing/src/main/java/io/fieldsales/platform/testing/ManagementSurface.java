package io.fieldsales.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The management surface of a running service: health, metrics and OpenAPI answer on the management port and
 * nothing of {@code /q/} answers on the API port. Every service's test calls {@link #assertOnlyOnManagementPort}
 * with the two base URLs Quarkus injects ({@code @TestHTTPResource(value = "/", management = true)}).
 */
public final class ManagementSurface {

    /**
     * What the management interface serves in every profile. Swagger UI is not among them: Quarkus builds it into
     * dev and test runs only (a packaged jar has none, which the services' *IT tests check).
     */
    public static final List<String> MANAGEMENT_PATHS = List.of(
            "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics", "/q/openapi");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ManagementSurface() {
    }

    /** Status of a GET on {@code base + path}. */
    public static int status(String base, String path) {
        String url = origin(base) + path;
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Body of a GET on {@code base + path} that must answer 200. */
    public static String get(String base, String path) {
        String url = origin(base) + path;
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "GET " + url);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Health, metrics and OpenAPI answer on the management port (ready may be 503 while a dependency is down, but
     * it answers), and every {@code /q/} path, Swagger UI and the dev UI included, is a 404 on the API port.
     */
    public static void assertOnlyOnManagementPort(String apiBase, String managementBase) {
        if (origin(apiBase).equals(origin(managementBase))) {
            throw new AssertionError("the management interface shares the API port " + apiBase);
        }
        for (String path : MANAGEMENT_PATHS) {
            int status = status(managementBase, path);
            if (status != 200 && !(path.startsWith("/q/health") && status == 503)) {
                throw new AssertionError("GET " + managementBase + path + " answered " + status);
            }
        }
        for (String path : concat(MANAGEMENT_PATHS, List.of("/q/swagger-ui/", "/q/swagger-ui", "/q/dev-ui/",
                "/q/openapi.json", "/q/info", "/q/"))) {
            assertEquals(404, status(apiBase, path), "GET " + apiBase + path + " on the API port");
        }
    }

    /** scheme://host:port of a URL (Quarkus injects the management URL with its root path, /q/). */
    public static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
