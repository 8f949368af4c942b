package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.platform.testing.ManagementPortResource;
import io.fieldsales.platform.testing.ManagementSurface;
import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (the jar; the native executable with -Dnative) against the embedded PostgreSQL and Kafka:
 * healthy on its management port, nothing of /q/ on its API port, no Swagger UI; it stores an event it consumes,
 * serves it back, and a checkpoint it signs (Ed25519 in the image) is published.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ManagementPortResource.class, restrictToAnnotatedClass = true)
class AuditServiceIT {

    @Test
    void packagedServiceIsReadyStoresServesAndPublishesACheckpoint() {
        String api = RestAssured.baseURI + ":" + RestAssured.port;
        ManagementSurface.assertOnlyOnManagementPort(api, ManagementPortResource.url());
        // readiness waits for the kit's warm-up (pool connections, hot paths) after the service has started
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                .pollInterval(java.time.Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                        ManagementSurface.status(ManagementPortResource.url(), "/q/health/ready")).isEqualTo(200));
        assertThat(ManagementSurface.status(ManagementPortResource.url(), "/q/swagger-ui/")).isEqualTo(404);

        UUID tenant = UUID.randomUUID();
        String auditor = TestTokens.forTenant(tenant).user("auditor-it").roles("auditor").mint();
        String admin = TestTokens.forTenant(tenant).user("admin-it").roles("admin").mint();
        try (TestEvents events = new TestEvents()) {
            events.send("security.events", tenant, "io.fieldsales.gateway.login.failed.v1", "user-it", null,
                    "req-it", "{\"reason\":\"wrong_password\"}");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(auditor)
                .queryParam("requestId", "req-it").get("/api/v1/audit/events").then().extract()
                .jsonPath().getList("items").size() == 1);

        try (TopicProbe probe = TopicProbe.on("audit.checkpoints")) {
            given().auth().oauth2(admin).post("/api/v1/audit/checkpoints").then().statusCode(201);
            var published = probe.await(TopicProbe.withHeader("ce_tenantid", tenant.toString()), 1,
                    Duration.ofSeconds(60));
            assertThat(TopicProbe.header(published.get(0), "ce_type")).isEqualTo("io.fieldsales.audit.checkpoint.signed.v1");
        }
    }
}
