package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the alert rules and the Grafana dashboards of deploy/observability query exists in the scrapes of
 * the running services, after a small workload through the gateway (a tenant, customers, a duplicate, an audit
 * read and a chain verification).
 */
@ExtendWith(SuiteStack.class)
class ObservabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OBSERVABILITY = Path.of(System.getProperty("fieldsales.local.repo-root", "../.."))
            .resolve("deploy/observability");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMetricOfTheRulesAndDashboardsIsScrapedFromTheRunningServices() throws Exception {
        LocalStack stack = SuiteStack.stack();
        String gw = stack.gatewayUrl();
        String platform = login(gw, null, stack.platformAdmin().username(), stack.platformAdmin().password());
        String slug = "obs-" + UUID.randomUUID().toString().substring(0, 8);
        String password = LocalSecrets.password(20);
        assertThat(send("POST", gw + "/api/v1/tenants", platform, Map.of("slug", slug, "name", "Observed " + slug,
                "admin", Map.of("username", "admin", "password", password))).statusCode()).isEqualTo(201);
        String admin = login(gw, slug, "admin", password);
        String email = "obs+" + slug + "@example.com";
        HttpResponse<String> created = send("POST", gw + "/api/v1/customers", admin,
                Map.of("name", "Observed Shop", "email", email));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(send("POST", gw + "/api/v1/customers", admin, Map.of("name", "Twin Shop", "email", email))
                .statusCode()).isEqualTo(409);
        String customerId = JSON.readTree(created.body()).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> JSON.readTree(
                send("GET", gw + "/api/v1/audit/events?entityId=" + customerId, admin, null).body())
                .path("items").size() > 0);
        assertThat(send("GET", gw + "/api/v1/audit/verify", admin, null).statusCode()).isEqualTo(200);

        Set<String> used = new TreeSet<>();
        Map<String, Set<String>> usedBy = new TreeMap<>();
        List<Path> sources = new ArrayList<>(List.of(OBSERVABILITY.resolve("prometheus/rules.yaml")));
        try (Stream<Path> dashboards = Files.list(OBSERVABILITY.resolve("grafana"))) {
            dashboards.filter(p -> p.toString().endsWith(".json")).sorted().forEach(sources::add);
        }
        for (Path source : sources) {
            List<String> exprs = source.toString().endsWith(".json") ? PromQlMetrics.dashboardExpressions(source)
                    : PromQlMetrics.ruleExpressions(source);
            for (String e : exprs) {
                for (String name : PromQlMetrics.of(e)) {
                    used.add(name);
                    usedBy.computeIfAbsent(name, n -> new TreeSet<>()).add(source.getFileName().toString());
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(10);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> scraped = new TreeSet<>();
            for (ServiceProcess s : stack.services()) {
                String body = http.send(HttpRequest.newBuilder(URI.create(s.managementUrl() + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                body.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .map(l -> l.substring(0, l.indexOf('{') >= 0 ? l.indexOf('{') : l.indexOf(' ')))
                        .forEach(scraped::add);
            }
            Map<String, Set<String>> missing = new TreeMap<>(usedBy);
            missing.keySet().removeAll(scraped);
            assertThat(missing).as("metrics queried by rules/dashboards but scraped from no service").isEmpty();
        });
    }

    private String login(String gw, String tenant, String username, String password) throws Exception {
        Map<String, String> body = tenant == null ? Map.of("username", username, "password", password)
                : Map.of("tenant", tenant, "username", username, "password", password);
        HttpResponse<String> r = send("POST", gw + "/api/v1/auth/login", null, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("accessToken").asText();
    }

    private HttpResponse<String> send(String method, String url, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
