package io.fieldsales.customer.api;

import static io.fieldsales.platform.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.customer.Db;
import io.fieldsales.customer.TenantFixture;
import io.fieldsales.platform.testing.SharedInfra;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Transient database failures are retried; Kafka outages neither lose events nor take the service down. */
@QuarkusTest
class CustomerResilienceTest {

    private final TenantFixture t = new TenantFixture();

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    private double metric(String name, String labelFragment) {
        String body = io.fieldsales.platform.testing.ManagementSurface.get(management.toString(), "/q/metrics");
        return body.lines().filter(l -> l.startsWith(name) && l.contains(labelFragment))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private org.assertj.core.api.AbstractDoubleAssert<?> metricAs(String name, String labelFragment) {
        return assertThat(metric(name, labelFragment)).as("%s{%s}", name, labelFragment);
    }

    @Test
    void aMergeThatLosesADeadlockIsRetriedAndSucceeds() throws Exception {
        String a = t.create("Deadlock A", t.email("dla"), null);
        String b = t.create("Deadlock B", t.email("dlb"), null);
        String first = a.compareTo(b) < 0 ? a : b;
        String second = first.equals(a) ? b : a;
        double retriesBefore = metric("ft_retry_retries_total", "merge");
        try (Connection c = SharedInfra.superuserConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // let the service's session be the one that detects the deadlock (its deadlock_timeout is 1 s)
            s.execute("set local deadlock_timeout = '20s'");
            s.execute("select 1 from customer where id = '" + second + "' for update");
            CompletableFuture<Integer> merge = CompletableFuture.supplyAsync(() -> t.asManager()
                    .body("{\"sourceIds\":[\"" + second + "\"]}").post("/api/v1/customers/" + first + "/merge")
                    .statusCode());
            // wait until the merge holds the first row and waits for the second, then close the cycle
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like '%from customer%for no key update%'") > 0
                    || Db.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query like '%for update%' and usename = 'app'") > 0);
            s.execute("select 1 from customer where id = '" + first + "' for update");
            c.rollback();
            assertThat(merge.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
        t.asRep().get("/api/v1/customers/" + second).then().body("status", equalTo("MERGED"));
        metricAs("ft_retry_retries_total", "merge").isGreaterThan(retriesBefore);
    }

    @Test
    void whileKafkaIsDownWritesCommitLivenessStaysUpAndEventsArriveAfterwards() throws Exception {
        try (TopicProbe probe = TopicProbe.on("customer.events")) {
            String id;
            SharedInfra.cutOffKafka();
            try {
                id = t.create("Written during outage", t.email("outage"), null);
                assertThat(io.fieldsales.platform.testing.ManagementSurface.status(management.toString(), "/q/health/live")).isEqualTo(200);
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                        io.fieldsales.platform.testing.ManagementSurface.status(management.toString(), "/q/health/ready") == 503);
            } finally {
                SharedInfra.restoreKafka();
            }
            var events = probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(events).singleElement().satisfies(r ->
                    assertThat(header(r, "ce_type")).isEqualTo("io.fieldsales.customer.created.v1"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    io.fieldsales.platform.testing.ManagementSurface.status(management.toString(), "/q/health/ready") == 200);
        }
    }

    @Test
    void businessCountersAreExposed() {
        String id = t.create("Counted", t.email("count"), null);
        t.createResponse("Counted twin", t.email("count"), null).statusCode(409);
        t.asRep().contentType("application/merge-patch+json").header("If-Match", "\"9\"").body("{}")
                .patch("/api/v1/customers/" + id).then().statusCode(412);
        metricAs("fieldsales_customers_created_total", "path=\"create\"").isPositive();
        metricAs("fieldsales_customers_duplicates_detected_total", "path=\"create\"").isPositive();
        metricAs("fieldsales_customers_patch_conflicts_total", "").isPositive();
        metricAs("http_server_requests_seconds_bucket", "/api/v1/customers").isPositive();
    }
}
