package io.fieldsales.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.platform.testing.SharedInfra;
import io.fieldsales.platform.testing.ManagementSurface;
import io.fieldsales.platform.testing.TestDatabase;
import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        // the shared PostgreSQL and Kafka of this JVM (the IT before may have set the datasource properties already)
        String db = "127.0.0.1:" + SharedInfra.postgresPort() + "/" + SharedInfra.DATABASE;
        Map<String, String> infra = Map.of("quarkus.datasource.reactive.url", "postgresql://" + db,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + db,
                "quarkus.datasource.username", SharedInfra.DB_ROLE, "quarkus.datasource.password", SharedInfra.DB_PASSWORD,
                "kafka.bootstrap.servers", SharedInfra.kafkaBootstrap(),
                "mp.jwt.verify.publickey.location", TestTokens.jwksFile().toString());
        int port = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dquarkus.profile=test", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + management, "-Dquarkus.shutdown.delay=3s",
                "-Dquarkus.shutdown.timeout=30s"));
        infra.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        Path log = Files.createTempFile("customer-service-shutdown", ".log");
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String mgmt = "http://127.0.0.1:" + management;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertThat(service.isAlive()).as("service died: %s", Files.readString(log)).isTrue();
                return statusOrZero(mgmt, "/q/health/ready") == 200;
            });

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
                                URI.create("http://127.0.0.1:" + port + "/api/v1/customers/import"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                        .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                // the import is under way once its first rows are committed
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                        inFlight.isDone() || TestDatabase.count("select count(*) from outbox where tenant_id = ?",
                                tenant) > 0);
                Instant sigterm = Instant.now();
                service.destroy(); // SIGTERM

                await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50)).until(() ->
                        statusOrZero(mgmt, "/q/health/ready") == 503);

                HttpResponse<String> response = inFlight.get(90, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body().lines().filter(l -> !l.isBlank())).hasSize(ROWS);

                assertThat(service.waitFor(45, TimeUnit.SECONDS)).as("exits within the grace period").isTrue();
                System.out.printf("BENCHMARK graceful shutdown of customer-service during a %d-row import: %d ms"
                        + " from SIGTERM to exit%n", ROWS, Duration.between(sigterm, Instant.now()).toMillis());
                assertThat(service.exitValue()).as("clean exit; log: %s", Files.readString(log)).isIn(0, 143);

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
                assertThat(published.stream().map(r -> r.key()).distinct()).as("events on Kafka vs rows marked sent")
                        .hasSize((int) sent);
            }
        } finally {
            service.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static int statusOrZero(String base, String path) {
        try {
            return ManagementSurface.status(base, path);
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
