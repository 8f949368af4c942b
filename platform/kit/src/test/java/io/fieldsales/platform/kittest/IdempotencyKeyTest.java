package io.fieldsales.platform.kittest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fieldsales.platform.testing.TestDatabase;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyKeyTest {

    private final UUID tenant = UUID.randomUUID();
    private final String token = TestTokens.forTenant(tenant).user("rep-1").roles("writer").mint();

    private Response post(String key, String name, String asToken) {
        return given().auth().oauth2(asToken).contentType("application/json").header("Idempotency-Key", key)
                .body("{\"name\":\"" + name + "\"}").post("/api/v1/widgets");
    }

    private long widgetsNamed(String name) throws Exception {
        return TestDatabase.count("select count(*) from widget where tenant_id = ?::uuid and name = ?",
                tenant.toString(), name);
    }

    @Test
    void sameKeyAndBodyReplaysTheStoredResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        Response first = post(key, "once", token);
        first.then().statusCode(201);
        Response again = post(key, "once", token);
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"))
                .body("id", equalTo(first.path("id")));
        assertThat(widgetsNamed("once")).isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIs422() {
        String key = UUID.randomUUID().toString();
        post(key, "first-body", token).then().statusCode(201);
        post(key, "other-body", token).then().statusCode(422).body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void keysAreScopedToTheUser() throws Exception {
        String key = UUID.randomUUID().toString();
        String otherUser = TestTokens.forTenant(tenant).user("rep-2").roles("writer").mint();
        post(key, "scoped", token).then().statusCode(201);
        post(key, "scoped", otherUser).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertThat(widgetsNamed("scoped")).isEqualTo(2);
    }

    @Test
    void clientErrorsAreReplayedAndServerErrorsReleaseTheKey() throws Exception {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
                .body("{\"name\":\"retry-me\"}").post("/api/v1/widgets?failAfterWrite=true").then().statusCode(500);
        // the failed attempt left nothing behind, so the retry runs for real
        post(key, "retry-me", token).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertThat(widgetsNamed("retry-me")).isEqualTo(1);
    }

    @Test
    void malformedKeyIs400() {
        post("has spaces in it", "x", token).then().statusCode(400).body("code", equalTo("invalid_idempotency_key"));
    }

    @Test
    void concurrentRequestsWithOneKeyRunTheOperationOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return post(key, "racy", token);
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Response> f : futures) {
            Response r = f.get();
            assertThat(r.statusCode()).isIn(201, 409);
            if (r.statusCode() == 201) {
                ids.add(r.path("id"));
            } else {
                assertThat(r.<String>path("code")).isEqualTo("request_in_progress");
                assertThat(r.header("Retry-After")).isEqualTo("1");
            }
        }
        pool.shutdown();
        assertThat(ids).isNotEmpty();
        assertThat(ids).allMatch(ids.get(0)::equals);
        assertThat(widgetsNamed("racy")).isEqualTo(1);
    }
}
