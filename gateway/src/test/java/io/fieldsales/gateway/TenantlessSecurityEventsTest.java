package io.fieldsales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Security events without a tenant (they go to the audit-service's platform chain) name what they are about: the
 * lower-cased account, or the client IP; never the password.
 */
@QuarkusTest
class TenantlessSecurityEventsTest {

    @Test
    void failedLoginsOfUnknownTenantsAndPlatformUsersNameTheAccountAndTheClient() {
        String ip = Api.randomIp();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String password = "Secret-Guess-" + marker;
        try (TopicProbe probe = TopicProbe.on("security.events")) {
            login(ip, null, "  Ghost-Admin-" + marker.toUpperCase() + " ", password);
            login(ip, "No-Such-Tenant-" + marker, "Some.One", password);
            List<ConsumerRecord<String, String>> events = probe.await(
                    TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.login.failed.v1")
                            .and(r -> r.value().contains(ip)), 2, Duration.ofSeconds(15));
            assertThat(events).hasSize(2);
            for (ConsumerRecord<String, String> e : events) {
                assertThat(TopicProbe.header(e, "ce_tenantid")).isNull();
                assertThat(e.value()).doesNotContain(password).doesNotContain("Ghost-Admin");
            }
            assertThat(events).extracting(e -> TopicProbe.header(e, "ce_subject")).containsExactlyInAnyOrder(
                    "platform/ghost-admin-" + marker, "no-such-tenant-" + marker + "/some.one");
            assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                    "platform/ghost-admin-" + marker, "no-such-tenant-" + marker + "/some.one");
            assertThat(events).allSatisfy(e -> assertThat(JsonPath.from(e.value()).getString("clientIp")).isEqualTo(ip));
        }
    }

    private static void login(String ip, String tenant, String username, String password) {
        Map<String, Object> body = new HashMap<>();
        if (tenant != null) {
            body.put("tenant", tenant);
        }
        body.put("username", username);
        body.put("password", password);
        RestAssured.given().header("X-Forwarded-For", ip).contentType(ContentType.JSON).body(body)
                .post("/api/v1/auth/login").then().statusCode(401);
    }
}
