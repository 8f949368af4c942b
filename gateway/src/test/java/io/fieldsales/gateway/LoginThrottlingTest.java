package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.gateway.service.InMemoryRateLimiter;
import io.fieldsales.gateway.service.LoginThrottle;
import io.fieldsales.gateway.service.LoginThrottle.Budget;
import io.fieldsales.gateway.service.RateLimiter;
import io.fieldsales.gateway.service.RateLimits;
import io.fieldsales.gateway.service.RedisRateLimiter;
import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.Api.Tenant;
import io.fieldsales.gateway.support.Redis;
import io.fieldsales.platform.testing.Concurrently;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The three failed-login budgets. Test profile: 5 per (account, IP) per minute; 8 per account per 8 s, then a block
 * of 8 s doubling up to 32 s; 60 per IP per minute. HTTP scenarios run on the gateway's in-memory limiter; the budget
 * arithmetic runs on the same {@link LoginThrottle} over the in-memory limiter and over Redis.
 */
@QuarkusTest
class LoginThrottlingTest {

    @Inject
    RateLimits rateLimits;

    private static Response loginFrom(String ip, String tenant, String username, String password) {
        return RestAssured.given().header("X-Forwarded-For", ip).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "username", username, "password", password))
                .post("/api/v1/auth/login");
    }

    /** A login that, refused by the general per-IP request limit (not a login budget), retries after Retry-After. */
    private static int loginWaitingOutTheEdgeLimit(String ip, String tenant, String username, String password) {
        for (int attempt = 0; ; attempt++) {
            Response response = loginFrom(ip, tenant, username, password);
            if (response.statusCode() != 429 || !"ip".equals(response.jsonPath().getString("limit")) || attempt == 10) {
                return response.statusCode();
            }
            try {
                Thread.sleep(1000L * Math.max(1, Long.parseLong(response.header("Retry-After"))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response.statusCode();
            }
        }
    }

    private static List<Integer> concurrently(int count, int threads, java.util.function.IntFunction<Integer> call) {
        try {
            return Concurrently.run(count, threads, call);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fiveWrongPasswordsFromOneIpLockThatIpOutOfTheAccountWhileTheRightPasswordFromAnotherIpWorks() {
        Tenant tenant = Api.newTenant();
        String attacker = Api.randomIp();
        try (TopicProbe probe = TopicProbe.on("security.events")) {
            for (int i = 0; i < 5; i++) {
                loginFrom(attacker, tenant.slug(), "admin", "Wrong-password-" + i).then().statusCode(401);
            }
            // A is out for this account, even with the right password...
            loginFrom(attacker, tenant.slug(), "admin", STRONG_PASSWORD).then().statusCode(429)
                    .body("code", equalTo("rate_limited")).body("limit", equalTo("login-account-ip"));
            // ...while the owner, from another IP, signs in
            loginFrom(Api.randomIp(), tenant.slug(), "admin", STRONG_PASSWORD).then().statusCode(200);
            List<ConsumerRecord<String, String>> locked = probe.await(
                    TopicProbe.withHeader("ce_tenantid", tenant.id().toString())
                            .and(TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.account.locked.v1")), 1,
                    Duration.ofSeconds(15));
            assertThat(locked).hasSize(1);
            JsonPath lock = JsonPath.from(locked.get(0).value());
            assertThat(lock.getString("scope")).isEqualTo("account_ip");
            assertThat(lock.getString("clientIp")).isEqualTo(attacker);
            List<ConsumerRecord<String, String>> refused = probe.await(
                    TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.login.failed.v1")
                            .and(r -> "locked".equals(JsonPath.from(r.value()).getString("reason"))
                                    && attacker.equals(JsonPath.from(r.value()).getString("clientIp"))),
                    1, Duration.ofSeconds(15));
            assertThat(refused).hasSize(1);
            assertThat(JsonPath.from(refused.get(0).value()).getString("budget")).isEqualTo("account_ip");
        }
    }

    @Test
    void fiftyUsersBehindOneNatIpEachMistypingOnceDoNotBlockEachOther() {
        Tenant tenant = Api.newTenant();
        tenant.createUser(tenant.adminToken(), "rep", "sales_rep");
        String depot = Api.randomIp();
        List<String> users = new ArrayList<>(List.of("admin", "rep"));
        for (int i = users.size(); i < 50; i++) {
            users.add("rep-" + i);
        }
        // the depot's 50 logins outrun the test profile's general per-IP request budget (20 per 3 s) on a fast
        // machine: like any client, wait out that edge limit's Retry-After; what must never answer is a login budget
        List<Integer> statuses = concurrently(users.size(), 6,
                i -> loginWaitingOutTheEdgeLimit(depot, tenant.slug(), users.get(i), "Mistyped-password-" + i));
        assertThat(statuses).hasSize(50).containsOnly(401);
        assertThat(loginWaitingOutTheEdgeLimit(depot, tenant.slug(), "admin", STRONG_PASSWORD)).isEqualTo(200);
        assertThat(loginWaitingOutTheEdgeLimit(depot, tenant.slug(), "rep", STRONG_PASSWORD)).isEqualTo(200);
    }

    @Test
    void thePerIpBudgetStopsOneIpGuessingManyAccountsWhateverItsIpv6AddressInItsSlash64() {
        // 60 failures for 60 accounts from one /64, through the gateway's own budgets (no bcrypt needed)
        String prefix = "2001:db8:" + Integer.toHexString(1 + (int) (Math.random() * 60000)) + ":7::";
        LoginThrottle throttle = rateLimits.logins();
        for (int i = 0; i < 60; i++) {
            LoginThrottle.Attempt a = throttle.reserve("t-nat/user-" + i, prefix + Integer.toHexString(i + 1))
                    .await().atMost(Duration.ofSeconds(5));
            assertThat(a.allowed()).as("failure " + i).isTrue();
            throttle.failed(a).await().atMost(Duration.ofSeconds(5));
        }
        LoginThrottle.Attempt refused = throttle.reserve("t-nat/another", prefix + "ffff").await()
                .atMost(Duration.ofSeconds(5));
        assertThat(refused.refusedBy()).isEqualTo(Budget.IP);
        // and at the door: any account, any address of that /64
        RestAssured.given().header("X-Forwarded-For", prefix + "abcd").contentType(ContentType.JSON)
                .body(Map.of("tenant", "no-such-tenant", "username", "someone", "password", "Whatever-123456"))
                .post("/api/v1/auth/login").then().statusCode(429).body("limit", equalTo("login-ip"));
        loginFrom(Api.randomIp(), "no-such-tenant", "someone", "Whatever-123456").then().statusCode(401);
    }

    @Test
    void theAccountsOwnBudgetBlocksEveryIpIncludingTheRightPasswordUntilItsBackOffPasses() {
        Tenant tenant = Api.newTenant();
        try (TopicProbe probe = TopicProbe.on("security.events")) {
            // ten guesses at once from ten IPs: the account's 8 are checked, the other two refused up front
            List<Integer> statuses = concurrently(10, 10, i -> loginFrom(Api.randomIp(), tenant.slug(), "admin",
                    "Wrong-password-" + i).statusCode());
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(8);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(2);
            Response locked = loginFrom(Api.randomIp(), tenant.slug(), "admin", STRONG_PASSWORD);
            locked.then().statusCode(429).body("limit", equalTo("login-account"));
            assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 8L);
            List<ConsumerRecord<String, String>> events = probe.await(
                    TopicProbe.withHeader("ce_tenantid", tenant.id().toString())
                            .and(TopicProbe.withHeader("ce_type", "io.fieldsales.gateway.account.locked.v1")), 1,
                    Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            JsonPath lock = JsonPath.from(events.get(0).value());
            assertThat(lock.getString("scope")).isEqualTo("account");
            assertThat(lock.getInt("failures")).isEqualTo(8);
            assertThat(lock.getInt("retryAfterSeconds")).isBetween(1, 8);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                loginFrom(Api.randomIp(), tenant.slug(), "admin", STRONG_PASSWORD).statusCode() == 200);
    }

    @Test
    void theAccountBackOffDoublesWithEachExhaustionUpToItsCapAndASuccessResetsItInMemory() {
        backOffGrowsAndResets(new InMemoryRateLimiter());
    }

    @Test
    void theAccountBackOffDoublesWithEachExhaustionUpToItsCapAndASuccessResetsItInRedis() {
        Redis.require();
        RateLimiter redis = new RedisRateLimiter(Redis.URL, Duration.ofSeconds(2));
        try {
            backOffGrowsAndResets(redis);
        } finally {
            redis.close();
        }
    }

    @Test
    void theSeparateBudgetsHoldOnRedisToo() {
        Redis.require();
        RateLimiter redis = new RedisRateLimiter(Redis.URL, Duration.ofSeconds(2));
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            LoginThrottle throttle = new LoginThrottle(redis,
                    LoginThrottle.accountAndIpSpec(5, Duration.ofMinutes(1)),
                    LoginThrottle.accountSpec(20, Duration.ofMinutes(1)),
                    LoginThrottle.ipSpec(100, Duration.ofMinutes(1)), Duration.ofMinutes(15), Duration.ofMinutes(30));
            String account = run + "/admin";
            String a = "198.51.100.1";
            for (int i = 0; i < 5; i++) {
                fail(throttle, account, a);
            }
            assertThat(reserve(throttle, account, a).refusedBy()).isEqualTo(Budget.ACCOUNT_AND_IP);
            LoginThrottle.Attempt fromB = reserve(throttle, account, "198.51.100.2");
            assertThat(fromB.allowed()).isTrue();
            throttle.succeeded(fromB).await().atMost(Duration.ofSeconds(5));
            // fifty accounts behind one NAT, once each: nobody is refused
            String nat = "198.51.100." + (10 + (int) (Math.random() * 200));
            for (int i = 0; i < 50; i++) {
                fail(throttle, run + "/user-" + i, nat);
            }
            assertThat(reserve(throttle, run + "/user-0", nat).allowed()).isTrue();
        } finally {
            redis.close();
        }
    }

    /** Budgets of 2 failures per 300 ms per account (blocks of 300, 600, 1200 ms, capped at 1200). */
    private static void backOffGrowsAndResets(RateLimiter limiter) {
        LoginThrottle throttle = new LoginThrottle(limiter,
                LoginThrottle.accountAndIpSpec(100, Duration.ofMinutes(1)),
                LoginThrottle.accountSpec(2, Duration.ofMillis(300)),
                LoginThrottle.ipSpec(100, Duration.ofMinutes(1)), Duration.ofMillis(1200), Duration.ofMinutes(1));
        String account = "t-" + UUID.randomUUID() + "/admin";
        long[] expected = {300, 600, 1200, 1200};
        for (long block : expected) {
            awaitUnblocked(limiter, account);
            assertThat(fail(throttle, account, Api.randomIp())).isEmpty();
            List<LoginThrottle.Lockout> lockouts = fail(throttle, account, Api.randomIp());
            assertThat(lockouts).extracting(LoginThrottle.Lockout::budget).containsExactly(Budget.ACCOUNT);
            long blocked = limiter.blockedMillis(account).await().atMost(Duration.ofSeconds(5));
            assertThat(blocked).as("block after an exhaustion").isBetween(block - 250, block);
            LoginThrottle.Attempt refused = reserve(throttle, account, Api.randomIp());
            assertThat(refused.refusedBy()).isEqualTo(Budget.ACCOUNT);
        }
        // a correct password (once the block is over) starts the back-off again from one window
        awaitUnblocked(limiter, account);
        LoginThrottle.Attempt ok = reserve(throttle, account, Api.randomIp());
        throttle.succeeded(ok).await().atMost(Duration.ofSeconds(5));
        fail(throttle, account, Api.randomIp());
        fail(throttle, account, Api.randomIp());
        assertThat(limiter.blockedMillis(account).await().atMost(Duration.ofSeconds(5))).isBetween(1L, 300L);
    }

    private static void awaitUnblocked(RateLimiter limiter, String account) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> limiter.blockedMillis(account).await().atMost(Duration.ofSeconds(5)) == 0);
    }

    private static LoginThrottle.Attempt reserve(LoginThrottle throttle, String account, String ip) {
        return throttle.reserve(account, ip).await().atMost(Duration.ofSeconds(5));
    }

    private static List<LoginThrottle.Lockout> fail(LoginThrottle throttle, String account, String ip) {
        LoginThrottle.Attempt a = reserve(throttle, account, ip);
        assertThat(a.allowed()).as("attempt from " + ip + " allowed").isTrue();
        return throttle.failed(a).await().atMost(Duration.ofSeconds(5));
    }
}
