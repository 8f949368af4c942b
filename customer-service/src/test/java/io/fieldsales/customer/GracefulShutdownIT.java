package io.fieldsales.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.platform.testing.PackagedService;
import io.fieldsales.platform.testing.TestDatabase;
import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM, as Kubernetes sends it at a rollout, to the packaged service in the middle of a bulk import: readiness
 * goes DOWN at once (during the shutdown delay), the in-flight import finishes with every row answered, the outbox
 * relay leaves no row marked sent that is not on Kafka, and the process exits cleanly well within the pod's grace
 * period (45 s).
 */
class GracefulShutdownIT {

    private static final int ROWS = 1500;

    @Test
    void onSigtermReadinessGoesDownInFlightWorkFinishesAndTheProcessExitsCleanly() throws Exception {
        try (PackagedService service = PackagedService.withProperty("quarkus.shutdown.delay", "3s")
                .property("quarkus.shutdown.timeout", "30s").start()) {
            service.awaitReady(Duration.ofSeconds(120));

            UUID tenant = UUID.randomUUID();
            String token = TestTokens.forTenant(tenant).user("manager-1").roles("manager").mint();
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                body.append("{\"name\":\"Shutdown Shop ").append(i).append("\",\"email\":\"shop").append(i)
                        .append("@").append(tenant).append(".example\"}\n");
            }
            HttpClient http = HttpClient.newHttpClient();
            try (TopicProbe probe = TopicProbe.on("customer.events")) {
                CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(
                                URI.create(service.apiUrl() + "/api/v1/customers/import"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                        .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                // the import is under way once its first rows are committed
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                        inFlight.isDone() || TestDatabase.count("select count(*) from outbox where tenant_id = ?",
                                tenant) > 0);
                service.sigterm();

                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).until(() ->
                        service.readiness() == 503);

                HttpResponse<String> response = inFlight.get(90, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body().lines().filter(l -> !l.isBlank())).hasSize(ROWS);

                Duration took = service.awaitExit(Duration.ofSeconds(45));
                String warnings = service.log().lines().filter(l -> l.contains("WARN") || l.contains("ERROR"))
                        .limit(30).collect(Collectors.joining("\n"));
                System.out.printf("BENCHMARK graceful shutdown of customer-service during a %d-row import: %d ms"
                        + " from SIGTERM to exit%n", ROWS, took.toMillis());

                long committed = TestDatabase.count("select count(*) from outbox where tenant_id = ?", tenant);
                long sent = TestDatabase.count(
                        "select count(*) from outbox where tenant_id = ? and sent_at is not null", tenant);
                assertThat(committed).as("every imported customer has its event in the outbox").isEqualTo(ROWS);
                // every row the relay marked sent is on Kafka: no batch was cut in half by the shutdown
                probe.await(TopicProbe.withHeader("ce_tenantid", tenant.toString()), (int) sent,
                        Duration.ofSeconds(60));
                // ... and nothing more: no batch was published without being marked sent
                var published = probe.drain(TopicProbe.withHeader("ce_tenantid", tenant.toString()),
                        Duration.ofSeconds(3));
                assertThat(published.stream().map(r -> r.key()).distinct())
                        .as("events on Kafka vs rows marked sent; service warnings:%n%s", warnings).hasSize((int) sent);
            }
        }
    }
}
