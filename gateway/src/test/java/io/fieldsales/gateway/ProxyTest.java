package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.FakeUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The proxy against real HTTP services started in the test: routing, streaming, limits, timeouts, breakers. */
@QuarkusTest
class ProxyTest {

    private static String token;

    private static synchronized String token() {
        if (token == null) {
            token = Api.newTenant().adminToken();
        }
        return token;
    }

    @Test
    void eachResourceFamilyIsRoutedToItsOwningService() throws Exception {
        try (FakeUpstream customer = FakeUpstream.start("customer"); FakeUpstream order = FakeUpstream.start("order");
                FakeUpstream cash = FakeUpstream.start("cash"); FakeUpstream audit = FakeUpstream.start("audit")) {
            Map<String, FakeUpstream> expected = Map.of(
                    "/api/v1/customers", customer, "/api/v1/customers/c-1/contacts", customer,
                    "/api/v1/pricing-rules/r-1", order, "/api/v1/pricing", order, "/api/v1/credit-notes", order,
                    "/api/v1/approvals/a-1/approve", order, "/api/v1/cash-sessions/s-1/close", cash,
                    "/api/v1/receivables", cash, "/api/v1/audit/entries", audit);
            for (Map.Entry<String, FakeUpstream> e : expected.entrySet()) {
                int before = e.getValue().hits();
                as(token()).get(e.getKey()).then().statusCode(200).body("path", equalTo(e.getKey()));
                assertThat(e.getValue().hits()).as(e.getKey()).isEqualTo(before + 1);
            }
            // a look-alike prefix is not proxied
            as(token()).get("/api/v1/customersx").then().statusCode(404);
        }
    }

    @Test
    void bodiesAreStreamedToTheServiceAndOversizedOnesAre413() throws Exception {
        try (FakeUpstream customer = FakeUpstream.start("customer")) {
            byte[] body = new byte[1_500_000];
            as(token()).contentType("text/csv").body(body).post("/api/v1/customers/imports").then().statusCode(200)
                    .body("bodyBytes", equalTo(body.length));
            assertThat(customer.lastBodyBytes()).isEqualTo(body.length);

            int hits = customer.hits();
            byte[] tooLarge = new byte[3_000_000];
            as(token()).contentType("text/csv").body(tooLarge).post("/api/v1/customers/imports").then()
                    .statusCode(413).body("code", equalTo("payload_too_large"));
            // without a Content-Length (chunked), the limit applies to the bytes as they stream
            Response chunked = as(token()).contentType("text/csv").body(new ByteArrayInputStream(tooLarge))
                    .post("/api/v1/customers/imports");
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(customer.lastBodyBytes()).isLessThan(tooLarge.length);
            assertThat(hits).isLessThanOrEqualTo(customer.hits());
        }
    }

    @Test
    void aDeadServiceGives503UpstreamUnavailableWithRetryAfterAtOnce() {
        long start = System.nanoTime();
        as(token()).get("/api/v1/orders/o-1").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("code", equalTo("upstream_unavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aSlowServiceGives504WithinItsTimeoutWhileOtherRoutesKeepWorking() throws Exception {
        try (FakeUpstream cash = FakeUpstream.start("cash"); FakeUpstream customer = FakeUpstream.start("customer")) {
            int parallel = 20;
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> slow = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                slow.add(pool.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    int status = as(token()).get("/api/v1/cash-sessions?delayMs=3000").then().extract().statusCode();
                    return new long[] {status, (System.nanoTime() - t0) / 1_000_000};
                }));
            }
            go.countDown();
            // while 20 requests hang on the slow service, the customer route answers promptly
            long t0 = System.nanoTime();
            as(token()).get("/api/v1/customers/c-9").then().statusCode(200);
            long fastMillis = (System.nanoTime() - t0) / 1_000_000;
            for (Future<long[]> f : slow) {
                long[] r = f.get();
                assertThat(r[0]).isEqualTo(504);
                assertThat(r[1]).as("504 comes within the 400 ms timeout, not after the service's 3 s").isLessThan(2500);
            }
            pool.shutdown();
            System.out.printf("customer route during 20 stalled cash requests: %d ms%n", fastMillis);
            assertThat(fastMillis).isLessThan(2000);
            as(token()).get("/api/v1/cash-sessions?delayMs=2000").then().statusCode(504)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("code", equalTo("upstream_timeout"));
        }
    }

    @Test
    void theCircuitOpensOnRepeatedFailuresAndHalfOpensAfterItsDelay() throws Exception {
        // audit is down: 4 failures (the breaker's volume threshold) open its circuit
        for (int i = 0; i < 4; i++) {
            as(token()).get("/api/v1/audit/entries").then().statusCode(503);
        }
        try (FakeUpstream audit = FakeUpstream.start("audit")) {
            // open: refused fast without a call, although the service is back
            as(token()).get("/api/v1/audit/entries").then().statusCode(503)
                    .body("detail", org.hamcrest.Matchers.containsString("circuit open"));
            assertThat(audit.hits()).isZero();
            // after the 1 s delay it lets a trial call through (half-open), which succeeds and closes it
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                    as(token()).get("/api/v1/audit/entries").then().extract().statusCode() == 200);
            as(token()).get("/api/v1/audit/entries").then().statusCode(200);
            assertThat(audit.hits()).isGreaterThanOrEqualTo(2);
        }
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void readinessAggregatesTheServicesAndLivenessIgnoresThem() throws Exception {
        try (FakeUpstream customer = FakeUpstream.start("customer"); FakeUpstream order = FakeUpstream.start("order");
                FakeUpstream cash = FakeUpstream.start("cash")) {
            String health = io.fieldsales.platform.testing.ManagementSurface.origin(management.toString()) + "/q/health";
            RestAssured.get(health + "/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'upstreams' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'upstreams' }.data.audit",
                            org.hamcrest.Matchers.startsWith("DOWN"));
            RestAssured.get(health + "/live").then().statusCode(200);
            try (FakeUpstream audit = FakeUpstream.start("audit")) {
                RestAssured.get(health + "/ready").then()
                        .body("checks.find { it.name == 'upstreams' }.status", equalTo("UP"));
            }
        }
    }
}
