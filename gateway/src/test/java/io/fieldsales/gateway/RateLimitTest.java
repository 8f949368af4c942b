package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.Api.Tenant;
import io.fieldsales.gateway.support.FakeUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits of the test profile: 20 per IP per 3 s, 50 per user, 80 per tenant (failed logins: LoginThrottlingTest). */
@QuarkusTest
class RateLimitTest {

    private static Response fromIp(String ip, String path) {
        return RestAssured.given().header("X-Forwarded-For", ip).get(path);
    }

    @Test
    void thePerIpLimitTripsAtItsConfiguredNumberAndResetsAfterItsWindow() {
        String ip = Api.randomIp();
        for (int i = 1; i <= 20; i++) {
            Response r = fromIp(ip, "/api/v1/auth/me");
            assertThat(r.statusCode()).as("request " + i).isEqualTo(401);
            assertThat(r.header("RateLimit-Limit")).isEqualTo("20");
            assertThat(r.header("RateLimit-Remaining")).isEqualTo(Integer.toString(20 - i));
        }
        Response refused = fromIp(ip, "/api/v1/auth/me");
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("rate_limited"))
                .header("RateLimit-Remaining", "0");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3L);
        assertThat(fromIp(Api.randomIp(), "/api/v1/auth/me").statusCode()).as("other IPs are unaffected")
                .isEqualTo(401);
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250))
                .until(() -> fromIp(ip, "/api/v1/auth/me").statusCode() == 401);
    }

    @Test
    void thePerUserAndPerTenantLimitsTripAtTheirConfiguredNumbers() {
        Tenant tenant = Api.newTenant();
        String admin = tenant.adminToken();
        tenant.createUser(admin, "busy", "sales_rep");
        tenant.createUser(admin, "other", "sales_rep");
        String busy = (String) tenant.login("busy").get("accessToken");
        String other = (String) tenant.login("other").get("accessToken");
        for (int i = 0; i < 50; i++) {
            as(busy).get("/api/v1/auth/me").then().statusCode(200);
        }
        as(busy).get("/api/v1/auth/me").then().statusCode(429).body("limit", equalTo("user"))
                .header("RateLimit-Limit", "50");
        // the tenant has used 52 of 80 (the admin's two user creations and busy's 50)
        int allowed = 0;
        Response r;
        while ((r = as(other).get("/api/v1/auth/me")).statusCode() == 200 && allowed < 100) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(28);
        r.then().statusCode(429).body("limit", equalTo("tenant"));
    }

    @Test
    void corsPreflightsCostAPerIpTokenEvenWithABearerTokenAndAreNeverProxied() throws Exception {
        String ip = Api.randomIp();
        try (FakeUpstream customer = FakeUpstream.start("customer")) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                statuses.add(RestAssured.given().header("X-Forwarded-For", ip)
                        .header("Authorization", "Bearer " + Api.platformAdminToken())
                        .header("Origin", "https://app.example.test")
                        .header("Access-Control-Request-Method", "POST").options("/api/v1/customers").statusCode());
            }
            assertThat(statuses).contains(429);
            assertThat(statuses.stream().filter(s -> s != 429)).allMatch(s -> s >= 200 && s < 300);
            // a preflight without an Origin is answered here too, not by the service
            int noOrigin = RestAssured.given().header("X-Forwarded-For", Api.randomIp())
                    .header("Access-Control-Request-Method", "DELETE").options("/api/v1/customers/c-1").statusCode();
            assertThat(noOrigin).isEqualTo(204);
            assertThat(customer.hits()).isZero();
        }
    }
}
