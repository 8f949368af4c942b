package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.STRONG_PASSWORD;
import static io.fieldsales.gateway.support.Api.anonymous;
import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.Api.Tenant;
import io.fieldsales.platform.testing.TopicProbe;
import io.fieldsales.platform.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthResourceTest {

    @Test
    void loginIssuesRs256AccessTokenWithTheDocumentedClaimsAndAnOpaqueRefreshToken() {
        Tenant tenant = Api.newTenant();
        UUID userId = tenant.createUser(tenant.adminToken(), "Rep.One", "sales_rep", "cashier");
        Map<String, Object> tokens = tenant.login("rep.one");
        assertThat(tokens.get("tokenType")).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn")).isEqualTo(900);
        String[] parts = ((String) tokens.get("accessToken")).split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"").contains("\"kid\":\"k");
        assertThat(payload).contains("\"iss\":\"fieldsales\"", "\"aud\":\"fieldsales-api\"",
                "\"sub\":\"" + userId + "\"", "\"upn\":\"rep.one\"", "\"tenant_id\":\"" + tenant.id() + "\"",
                "\"jti\":", "\"iat\":", "\"exp\":", "cashier", "sales_rep");
        assertThat((String) tokens.get("refreshToken")).hasSize(43);

        as((String) tokens.get("accessToken")).get("/api/v1/auth/me").then().statusCode(200)
                .body("userId", equalTo(userId.toString())).body("tenantId", equalTo(tenant.id().toString()))
                .body("username", equalTo("rep.one"));
    }

    @Test
    void unknownUserWrongPasswordAndDisabledUserGetTheSameInvalidCredentialsInSimilarTime() {
        Tenant tenant = Api.newTenant();
        String admin = tenant.adminToken();
        UUID disabled = tenant.createUser(admin, "gone", "sales_rep");
        tenant.createUser(admin, "present", "sales_rep");
        as(admin).header("If-Match", "0").body(Map.of("disabled", true)).patch("/api/v1/users/" + disabled)
                .then().statusCode(200);

        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        List<Long> disabledTimes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            unknown.add(timeFailedLogin(tenant.slug(), "nobody-" + i, STRONG_PASSWORD));
            wrong.add(timeFailedLogin(tenant.slug(), "present", "Wrong-Password-" + i + "-xyz"));
            disabledTimes.add(timeFailedLogin(tenant.slug(), "gone", STRONG_PASSWORD));
        }
        long unknownMedian = median(unknown);
        long wrongMedian = median(wrong);
        long disabledMedian = median(disabledTimes);
        System.out.printf("login failure medians: unknown user %d ms, wrong password %d ms, disabled %d ms%n",
                unknownMedian, wrongMedian, disabledMedian);
        // all three pay for one bcrypt check: none is markedly faster than the others
        assertThat(unknownMedian).isGreaterThan(wrongMedian * 6 / 10);
        assertThat(disabledMedian).isGreaterThan(wrongMedian * 6 / 10);
    }

    private static long timeFailedLogin(String tenant, String username, String password) {
        long start = System.nanoTime();
        anonymous().body(Map.of("tenant", tenant, "username", username, "password", password))
                .post("/api/v1/auth/login").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_credentials"))
                .body("detail", equalTo("The tenant, username or password is wrong, or the account is disabled"));
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aLoginFloodGets503WithRetryAfterOnceTheBcryptQueueIsFullInsteadOfQueueingMinutesOfWork() throws Exception {
        int n = 48;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                calls.add(pool.submit(() -> {
                    start.await();
                    return anonymous().body(Map.of("username", "flood-" + k + "-" + UUID.randomUUID(),
                            "password", "wrong-password-" + k)).post("/api/v1/auth/login");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var call : calls) {
                io.restassured.response.Response r = call.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 503) {
                    assertThat(r.header("Retry-After")).isEqualTo("1");
                    assertThat(r.jsonPath().getString("code")).isEqualTo("service_unavailable");
                }
            }
            // 4 workers + 16 queued at most: the rest are turned away at once; none is a 500
            assertThat(statuses).contains(503).allMatch(s -> s == 401 || s == 503);
            assertThat(statuses.stream().filter(s -> s == 401).count()).isGreaterThanOrEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refreshTokensEndAtTheLoginsAbsoluteLifetimeWhichRotationNeverExtends() {
        Tenant tenant = Api.newTenant();
        tenant.createUser(tenant.adminToken(), "lifer", "sales_rep");
        String first = (String) tenant.login("lifer").get("refreshToken");
        String byHash = " from refresh_token where token_hash = sha256(convert_to(?, 'UTF8'))";
        // 30 days from the login by default; each token lives its own 7 days within them
        assertThat(TestDatabase.count("select extract(epoch from family_expires_at - created_at)::bigint" + byHash,
                first)).isBetween(30L * 86_400 - 5, 30L * 86_400 + 5);
        String familyEnd = TestDatabase.text("select family_expires_at::text" + byHash, first);
        String second = anonymous().body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh").then()
                .statusCode(200).extract().path("refreshToken");
        assertThat(TestDatabase.text("select family_expires_at::text" + byHash, second)).isEqualTo(familyEnd);
        assertThat(TestDatabase.count("select count(*)" + byHash + " and expires_at <= family_expires_at", second))
                .isEqualTo(1);
        // the login's lifetime is over: the newest token of the family is refused though its own 7 days are not
        TestDatabase.execute("update refresh_token set family_expires_at = now() - interval '1 second', expires_at"
                + " = least(expires_at, now() - interval '1 second') where family_id = (select family_id"
                + byHash + ")", second);
        anonymous().body(Map.of("refreshToken", second)).post("/api/v1/auth/refresh").then().statusCode(401)
                .body("code", equalTo("invalid_refresh_token"));
    }

    @Test
    void refreshRotatesTheTokenAndReusingARotatedTokenRevokesTheWholeFamily() {
        Tenant tenant = Api.newTenant();
        tenant.createUser(tenant.adminToken(), "rotator", "sales_rep");
        String first = (String) tenant.login("rotator").get("refreshToken");

        String second = anonymous().body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh").then()
                .statusCode(200).header("Cache-Control", "no-store").body("accessToken", notNullValue())
                .extract().path("refreshToken");
        assertThat(second).isNotEqualTo(first);
        String third = anonymous().body(Map.of("refreshToken", second)).post("/api/v1/auth/refresh").then()
                .statusCode(200).extract().path("refreshToken");

        try (TopicProbe probe = TopicProbe.on("security.events")) {
            // the stolen first token comes back: 401, and the family (including the live third token) dies
            anonymous().body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh").then().statusCode(401)
                    .body("code", equalTo("invalid_refresh_token"));
            anonymous().body(Map.of("refreshToken", third)).post("/api/v1/auth/refresh").then().statusCode(401);

            List<ConsumerRecord<String, String>> events = probe.await(
                    TopicProbe.withHeader("ce_tenantid", tenant.id().toString())
                            .and(TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.refresh_token.reused.v1")),
                    1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).contains("\"familyId\"");
        }
    }

    @Test
    void concurrentRefreshesOfOneTokenRotateItOnceAndTheLosersCountAsReuse() throws Exception {
        Tenant tenant = Api.newTenant();
        tenant.createUser(tenant.adminToken(), "racer", "sales_rep");
        String token = (String) tenant.login("racer").get("refreshToken");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<io.restassured.response.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return anonymous().body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
            }));
        }
        go.countDown();
        List<io.restassured.response.Response> responses = new ArrayList<>();
        for (var call : calls) {
            responses.add(call.get());
        }
        pool.shutdown();
        List<io.restassured.response.Response> winners = responses.stream().filter(r -> r.statusCode() == 200)
                .toList();
        assertThat(winners).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 401).hasSize(3);
        // the losers presented a rotated token: the family, including the winner's new token, is revoked
        anonymous().body(Map.of("refreshToken", winners.get(0).path("refreshToken"))).post("/api/v1/auth/refresh")
                .then().statusCode(401);
    }

    @Test
    void logoutRevokesTheFamily() {
        Tenant tenant = Api.newTenant();
        tenant.createUser(tenant.adminToken(), "leaver", "sales_rep");
        String refresh = (String) tenant.login("leaver").get("refreshToken");
        anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/logout").then().statusCode(204);
        anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(401)
                .body("code", equalTo("invalid_refresh_token"));
    }

    @Test
    void disablingAUserStopsTheirRefreshAndAccessTokensAtOnce() {
        Tenant tenant = Api.newTenant();
        String admin = tenant.adminToken();
        UUID user = tenant.createUser(admin, "soon-disabled", "sales_rep");
        Map<String, Object> tokens = tenant.login("soon-disabled");
        String refresh = (String) tokens.get("refreshToken");
        String access = (String) tokens.get("accessToken");
        as(access).get("/api/v1/auth/me").then().statusCode(200);
        as(admin).header("If-Match", "\"0\"").body(Map.of("disabled", true)).patch("/api/v1/users/" + user)
                .then().statusCode(200).body("disabled", equalTo(true));
        anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(401);
        // the gateway also stops honouring the access token it issued before, without waiting for its expiry
        as(access).get("/api/v1/auth/me").then().statusCode(401);
        as(access).get("/api/v1/customers").then().statusCode(401);
        anonymous().body(Map.of("tenant", tenant.slug(), "username", "soon-disabled", "password", STRONG_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401).body("code", equalTo("invalid_credentials"));
    }

    @Test
    void loginFailuresArePublishedAsSecurityEvents() {
        Tenant tenant = Api.newTenant();
        try (TopicProbe probe = TopicProbe.on("security.events")) {
            anonymous().body(Map.of("tenant", tenant.slug(), "username", "admin", "password", "not-the-password-1"))
                    .post("/api/v1/auth/login").then().statusCode(401);
            List<ConsumerRecord<String, String>> events = probe.await(
                    TopicProbe.withHeader("ce_tenantid", tenant.id().toString())
                            .and(TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.login.failed.v1")),
                    1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).contains("wrong_password").doesNotContain("not-the-password");
            assertThat(TopicProbe.header(events.get(0), "ce_source")).isEqualTo("gateway");
        }
    }

    @Test
    void bootstrappedPlatformAdminCanSignInWithoutATenant() {
        Map<String, Object> tokens = Api.login(null, Api.PLATFORM_ADMIN, Api.PLATFORM_ADMIN_PASSWORD);
        as((String) tokens.get("accessToken")).get("/api/v1/auth/me").then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.contains("platform_admin"))
                .body("tenantId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void meWithoutTokenIs401Problem() {
        anonymous().get("/api/v1/auth/me").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void malformedRefreshTokensAreRefusedWithoutALookup() {
        anonymous().body(Map.of("refreshToken", "' or 1=1 --")).post("/api/v1/auth/refresh").then().statusCode(401)
                .body("code", equalTo("invalid_refresh_token"));
        anonymous().body(Map.of("refreshToken", UUID.randomUUID().toString().repeat(2).substring(0, 43)))
                .post("/api/v1/auth/refresh").then().statusCode(401);
    }
}
