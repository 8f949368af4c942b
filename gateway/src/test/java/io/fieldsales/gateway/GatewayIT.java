package io.fieldsales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.platform.testing.ManagementPortResource;
import io.fieldsales.platform.testing.ManagementSurface;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway (the jar; the native executable with -Dnative) against the embedded PostgreSQL and Kafka:
 * live on its management port (not ready: no service runs behind it), nothing of /q/ on its public port, no Swagger
 * UI; it creates a tenant (bcrypt, RS256 tokens in the image), serves its admin's identity and publishes a failed
 * login on security.events.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ManagementPortResource.class, restrictToAnnotatedClass = true)
class GatewayIT {

    @Test
    void packagedGatewayIsLiveIssuesTokensAndPublishesSecurityEvents() {
        String api = RestAssured.baseURI + ":" + RestAssured.port;
        ManagementSurface.assertOnlyOnManagementPort(api, ManagementPortResource.url());
        assertThat(ManagementSurface.status(ManagementPortResource.url(), "/q/health/live")).isEqualTo(200);
        assertThat(ManagementSurface.status(ManagementPortResource.url(), "/q/swagger-ui/")).isEqualTo(404);

        Api.Tenant tenant = Api.newTenant();
        String token = tenant.adminToken();
        Api.as(token).get("/api/v1/auth/me").then().statusCode(200);
        Api.anonymous().get("/.well-known/jwks.json").then().statusCode(200);

        try (TopicProbe probe = TopicProbe.on("security.events")) {
            Api.anonymous().body(Map.of("tenant", tenant.slug(), "username", "admin", "password", "wrong-password-1"))
                    .post("/api/v1/auth/login").then().statusCode(401);
            var events = probe.await(TopicProbe.withHeader("ce_tenantid", tenant.id().toString())
                    .and(TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.login.failed.v1")), 1,
                    Duration.ofSeconds(60));
            assertThat(events).hasSize(1);
        }
    }
}
