package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.fieldsales.audit.domain.PlatformChain;
import io.fieldsales.audit.service.Checkpoints;
import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: security events without a tenant (unknown tenant, lockout, platform user failures) are stored on the
 * platform-level chain (own sequence, hash chain and checkpoints), readable by platform_admin only, instead of
 * going to audit.dlq. The payloads are the gateway's published shapes (LoginFailed, AccountLocked).
 */
@QuarkusTest
class PlatformChainTest {

    @Inject
    Checkpoints checkpoints;

    private final String platformAdmin = TestTokens.withoutTenant().user("root-" + UUID.randomUUID())
            .roles("platform_admin").mint();
    private final UUID tenant = UUID.randomUUID();
    private final String tenantAuditor = TestTokens.forTenant(tenant).user("aud-1").roles("auditor", "admin").mint();
    private final String username = "sipho." + UUID.randomUUID().toString().substring(0, 8) + "@depot.example";
    private final String clientIp = "203.0.113." + (1 + (int) (Math.random() * 250));

    private long onPlatformChain(UUID eventId) {
        return Db.count("select count(*) from audit_event where tenant_id = ? and event_id = ?", PlatformChain.ID,
                eventId);
    }

    @Test
    void tenantlessSecurityEventsAreStoredOnThePlatformChainForPlatformAdminsOnly() {
        UUID unknownTenant;
        UUID locked;
        UUID platformUser;
        try (TestEvents events = new TestEvents()) {
            unknownTenant = events.send("security.events", null, "io.fieldsales.gateway.login.failed.v1",
                    "no-such-co/" + username, null, "req-1", "{\"tenant\":\"no-such-co\",\"username\":\"" + username
                            + "\",\"reason\":\"unknown_tenant\",\"clientIp\":\"" + clientIp
                            + "\",\"at\":\"2026-11-30T10:00:00Z\"}");
            locked = events.send("security.events", null, "io.fieldsales.gateway.account.locked.v1",
                    "ip/" + clientIp, null, "req-2", "{\"tenant\":\"no-such-co\",\"username\":\"" + username
                            + "\",\"scope\":\"ip\",\"clientIp\":\"" + clientIp
                            + "\",\"failures\":5,\"windowSeconds\":60,\"at\":\"2026-11-30T10:00:01Z\"}");
            platformUser = events.send("security.events", null, "io.fieldsales.gateway.login.failed.v1",
                    "platform/" + username, null, "req-3", "{\"username\":\"" + username
                            + "\",\"reason\":\"wrong_password\",\"clientIp\":\"" + clientIp
                            + "\",\"at\":\"2026-11-30T10:00:02Z\"}");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> onPlatformChain(unknownTenant) + onPlatformChain(locked)
                + onPlatformChain(platformUser) == 3);
        // personal data is encrypted there too
        assertThat(Db.text("select string_agg(data::text, ' ') from audit_event where tenant_id = ? and event_id in"
                + " (?, ?, ?)", PlatformChain.ID, unknownTenant, locked, platformUser))
                .doesNotContain(username).doesNotContain(clientIp).contains("pii:v2:");

        JsonPath page = given().auth().oauth2(platformAdmin).queryParam("requestId", "req-1")
                .get("/api/v1/audit/platform/events").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getString("items[0].eventId")).isEqualTo(unknownTenant.toString());
        assertThat(page.getString("items[0].data.username")).isEqualTo(username);
        assertThat(page.getString("items[0].data.reason")).isEqualTo("unknown_tenant");
        given().auth().oauth2(platformAdmin).get("/api/v1/audit/platform/verify").then().statusCode(200)
                .body("valid", is(true));
        String export = given().auth().oauth2(platformAdmin).get("/api/v1/audit/platform/export").then()
                .statusCode(200).extract().asString();
        assertThat(export).contains(platformUser.toString());

        // its own checkpoints
        checkpoints.signChangedTenants().await().atMost(Duration.ofSeconds(10));
        JsonPath signed = given().auth().oauth2(platformAdmin).get("/api/v1/audit/platform/checkpoints").then()
                .statusCode(200).extract().jsonPath();
        assertThat(signed.getList("items")).isNotEmpty();
        assertThat(signed.getLong("items[0].sequence")).isGreaterThanOrEqualTo(3);

        // a tenant's auditor or admin never sees it; the platform admin's own reads are on the platform chain
        for (String path : List.of("events", "verify", "export", "checkpoints")) {
            given().auth().oauth2(tenantAuditor).get("/api/v1/audit/platform/" + path).then().statusCode(403);
        }
        given().auth().oauth2(tenantAuditor).get("/api/v1/audit/events").then().statusCode(200)
                .body("items.size()", is(0));
        assertThat(Db.count("select count(*) from audit_event where tenant_id = ? and topic = 'audit.api'"
                + " and event_type = 'io.fieldsales.audit.trail.read.v1'", PlatformChain.ID)).isPositive();
    }

    @Test
    void anEventClaimingThePlatformChainAsItsTenantIsRejected() {
        String marker = "reserved-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        try (TopicProbe dlq = TopicProbe.on("audit.dlq"); TestEvents events = new TestEvents()) {
            events.send("security.events", null, id, PlatformChain.ID, "io.fieldsales.gateway.login.failed.v1", marker,
                    null, null, "{\"reason\":\"wrong_password\"}");
            List<ConsumerRecord<String, String>> dead = dlq.await(r -> marker.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).contains("reserved for the platform chain");
        }
        assertThat(Db.count("select count(*) from audit_event where event_id = ?", id)).isZero();
    }
}
