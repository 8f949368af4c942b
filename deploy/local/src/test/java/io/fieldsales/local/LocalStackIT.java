package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite end to end on the shared local stack ({@link SuiteStack}: the code deploy/local/run runs, on free ports):
 * log in through the gateway, create a customer through it, find the customer.created event in the audit trail
 * through it. Stopping the stack at the end of the run (SuiteStack) checks that nothing is left running or listening.
 *
 * <p>Runs in {@code ./mvnw verify} after the services are packaged (this module depends on them). The services come
 * from this repository, or from the roots in FIELDSALES_LOCAL_MODULE_ROOTS (colon-separated).
 */
@ExtendWith(SuiteStack.class)
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCustomerCreatedThroughTheGatewayReachesTheAuditTrail() throws Exception {
        LocalStack stack = SuiteStack.stack();
        assertThat(stack.services()).extracting(ServiceProcess::name).containsAll(SuiteStack.NEEDED);
        String gw = stack.gatewayUrl();

        String platformToken = login(gw, null, stack.platformAdmin().username(), stack.platformAdmin().password());
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String adminPassword = LocalSecrets.password(20);
        HttpResponse<String> tenant = post(gw + "/api/v1/tenants", platformToken, Map.of(
                "slug", slug, "name", "End-to-end Traders " + slug,
                "admin", Map.of("username", "admin", "password", adminPassword)));
        assertThat(tenant.statusCode()).as(tenant.body()).isEqualTo(201);
        String adminToken = login(gw, slug, "admin", adminPassword);

        HttpResponse<String> created = post(gw + "/api/v1/customers", adminToken, Map.of(
                "name", "Mama Joyce's Spaza", "email", "joyce+" + slug + "@example.com",
                "phone", "+27 82 555 0101"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String customerId = JSON.readTree(created.body()).get("id").asText();

        String query = gw + "/api/v1/audit/events?entityId=" + customerId + "&type="
                + URLEncoder.encode("io.fieldsales.customer.created.v1", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> page = get(query, adminToken);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode items = JSON.readTree(page.body()).get("items");
            assertThat(items).as(page.body()).hasSize(1);
            assertThat(items.get(0).get("type").asText()).isEqualTo("io.fieldsales.customer.created.v1");
            assertThat(items.get(0).get("entityId").asText()).isEqualTo(customerId);
        });
        assertThat(stack.processes()).hasSizeGreaterThanOrEqualTo(SuiteStack.NEEDED.size() + 1);
    }

    private String login(String gw, String tenant, String username, String password) throws Exception {
        Map<String, String> body = tenant == null ? Map.of("username", username, "password", password)
                : Map.of("tenant", tenant, "username", username, "password", password);
        HttpResponse<String> r = post(gw + "/api/v1/auth/login", null, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("accessToken").asText();
    }

    private HttpResponse<String> post(String url, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
