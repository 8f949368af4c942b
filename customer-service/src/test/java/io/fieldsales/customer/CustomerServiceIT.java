package io.fieldsales.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.platform.testing.Concurrently;
import io.fieldsales.platform.testing.ManagementPortResource;
import io.fieldsales.platform.testing.ManagementSurface;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged service (the jar; the native executable with -Dnative) against the embedded PostgreSQL and Kafka:
 * its first burst right after readiness goes UP, healthy on its management port, nothing of /q/ on its API port, no
 * Swagger UI, one write that publishes its event and one read.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ManagementPortResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerServiceIT {

    private static void awaitReady() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                ManagementSurface.status(ManagementPortResource.url(), "/q/health/ready") == 200);
    }

    /**
     * The cold start: a load balancer sends a new replica traffic as soon as it reports ready; the first burst
     * (200 find-or-create, 64 at once: new customers and repeats of them) gets no 5xx, because readiness waited for
     * the warm-up (pool connections open, hot paths run once). The service's own guard (DatabaseRetryPolicy: 503
     * after its timeout) is the judge, not the client's patience: the client waits up to 2 minutes, so a starved
     * build machine shows up as a slow burst (printed), not as a failure the service did not answer.
     */
    @Test
    @Order(1)
    void firstBurstRightAfterReadinessGetsNoServerError() throws Exception {
        double loadPerCore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                / Runtime.getRuntime().availableProcessors();
        // On a build machine whose run queue is many times its cores, 200 requests cannot finish inside the service's
        // 30 s guard however warm it is: the test says so (skipped, with the load) instead of failing on the machine.
        Assumptions.assumeTrue(loadPerCore < 6, () -> String.format("machine overloaded: load average %.1f per core",
                loadPerCore));
        awaitReady();
        TenantFixture t = new TenantFixture();
        RestAssuredConfig patient = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 120_000).setParam("http.connection.timeout", 30_000));
        long start = System.nanoTime();
        List<long[]> results = Concurrently.run(200, 64, i -> {
            long s = System.nanoTime();
            int status = t.asRep().config(patient)
                    .body(TenantFixture.json("Burst Shop " + (i % 50), t.email("burst" + (i % 50)), null))
                    .post("/api/v1/customers/find-or-create").then().extract().statusCode();
            return new long[] {status, (System.nanoTime() - s) / 1_000_000};
        });
        long[] millis = results.stream().mapToLong(r -> r[1]).sorted().toArray();
        System.out.printf("BENCHMARK first burst after readiness: 200 find-or-create, 64 at once, in %.1f s;"
                        + " p50 %d ms, p99 %d ms, max %d ms%n", (System.nanoTime() - start) / 1e9, millis[100],
                millis[198], millis[199]);
        List<Long> statuses = results.stream().map(r -> r[0]).toList();
        assertThat(statuses).as("statuses of the first burst").allMatch(s -> s == 200 || s == 201);
        assertThat(Db.count("select count(*) from customer where tenant_id = ?", t.tenant)).isEqualTo(50);
    }

    @Test
    @Order(2)
    void packagedServiceIsReadyWritesPublishesAndReads() {
        String api = RestAssured.baseURI + ":" + RestAssured.port;
        ManagementSurface.assertOnlyOnManagementPort(api, ManagementPortResource.url());
        awaitReady();
        assertThat(ManagementSurface.status(ManagementPortResource.url(), "/q/swagger-ui/")).as("no Swagger UI in a"
                + " packaged service").isEqualTo(404);

        TenantFixture t = new TenantFixture();
        try (TopicProbe probe = TopicProbe.on("customer.events")) {
            String id = t.create("Packaged Shop", t.email("packaged"), null);
            var events = probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(TopicProbe.header(events.get(0), "ce_type")).isEqualTo("io.fieldsales.customer.created.v1");
            t.asRep().get("/api/v1/customers/" + id).then().statusCode(200).body("name", equalTo("Packaged Shop"));
        }
    }
}
