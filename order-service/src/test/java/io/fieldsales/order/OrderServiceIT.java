package io.fieldsales.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.ManagementPortResource;
import io.fieldsales.platform.testing.ManagementSurface;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (the jar; the native executable with -Dnative) against the embedded PostgreSQL and Kafka:
 * healthy on its management port, nothing of /q/ on its API port, no Swagger UI, one write that publishes its event
 * and one read.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ManagementPortResource.class, restrictToAnnotatedClass = true)
class OrderServiceIT {

    @Test
    void packagedServiceIsReadyWritesPublishesAndReads() {
        String api = RestAssured.baseURI + ":" + RestAssured.port;
        ManagementSurface.assertOnlyOnManagementPort(api, ManagementPortResource.url());
        // readiness waits for the kit's warm-up (pool connections, hot paths) after the service has started
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                .pollInterval(java.time.Duration.ofMillis(100)).untilAsserted(() -> assertThat(
                        ManagementSurface.status(ManagementPortResource.url(), "/q/health/ready")).isEqualTo(200));
        assertThat(ManagementSurface.status(ManagementPortResource.url(), "/q/swagger-ui/")).as("no Swagger UI in a"
                + " packaged service").isEqualTo(404);

        TenantFixture t = new TenantFixture();
        String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        t.product(sku, "9.99");
        try (TopicProbe probe = TopicProbe.on("order.events")) {
            t.stock("VAN-IT", sku, 5);
            var events = probe.await(r -> sku.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(TopicProbe.header(events.get(0), "ce_type")).isEqualTo("io.fieldsales.order.stock.adjusted.v1");
        }
        assertThat(t.onHand("VAN-IT", sku)).isEqualTo(5);
    }
}
