package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.STRONG_PASSWORD;
import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.Api.Tenant;
import io.fieldsales.gateway.support.FakeUpstream;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Limits of the test profile: 20 per IP per 3 s, 50 per user, 80 per tenant, 5 failed logins per 10 s. */
@QuarkusTest
class RateLimitTest {

    private static Response fromIp(String ip, String path) {
        return RestAssured.given().header("X-Forwarded-For", ip).get(path);
    }

    private static Response loginFrom(String ip, String tenant, String username, String password) {
        return RestAssured.given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "username", username, "password", password))
                .post("/api/v1/auth/login");
    }

    private static List<Integer> concurrently(int n, java.util.function.IntFunction<Integer> call) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
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
    void fiveFailedLoginsLockTheAccountWithAnEventUntilTheWindowPasses() {
        Tenant tenant = Api.newTenant();
        try (TopicProbe probe = TopicProbe.on("security.events")) {
            // eight guesses at once: exactly five are checked, the rest are refused before any password check
            List<Integer> statuses = concurrently(8, i -> loginFrom(Api.randomIp(), tenant.slug(), "admin",
                    "Wrong-password-" + i).statusCode());
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(3);
            // even the right password is refused now, from any IP
            Response locked = loginFrom(Api.randomIp(), tenant.slug(), "admin", STRONG_PASSWORD);
            locked.then().statusCode(429).body("code", equalTo("rate_limited"));
            assertThat(locked.header("Retry-After")).isNotNull();
            assertThat(probe.await(TopicProbe.withHeader("ce_tenantid", tenant.id().toString())
                            .and(TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.account.locked.v1")), 1,
                    Duration.ofSeconds(15))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                loginFrom(Api.randomIp(), tenant.slug(), "admin", STRONG_PASSWORD).statusCode() == 200);
    }

    @Test
    void fiveFailedLoginsFromOneIpBlockThatIpForAnyAccount() {
        String ip = Api.randomIp();
        // six guesses at once for six accounts from one IP: five are checked, the sixth is refused up front
        List<Integer> statuses = concurrently(6, i -> loginFrom(ip, "no-such-tenant", "user-" + i,
                "Some-password-" + i).statusCode());
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(1);
        loginFrom(Api.randomIp(), "no-such-tenant", "user-x", "Some-password-x").then().statusCode(401);
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
