package io.fieldsales.platform.kittest;

import static io.fieldsales.platform.testing.TopicProbe.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.fieldsales.platform.outbox.OutboxRelay;
import io.fieldsales.platform.testing.SharedInfra;
import io.fieldsales.platform.testing.TestDatabase;
import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private final UUID tenant = UUID.randomUUID();
    private final String user = "user-" + UUID.randomUUID();
    private final String token = TestTokens.forTenant(tenant).user(user).roles("writer").mint();

    private String create(String name) {
        return given().auth().oauth2(token).contentType("application/json").header("X-Request-Id", "req-" + name)
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .body("{\"name\":\"" + name + "\"}").post("/api/v1/widgets")
                .then().statusCode(201).extract().path("id");
    }

    private void rename(String id, long version, String name) {
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"" + version + "\"")
                .body("{\"name\":\"" + name + "\"}").put("/api/v1/widgets/" + id).then().statusCode(200);
    }

    private List<String> createWhileKafkaIsDown(int count, String prefix) {
        List<String> ids = new ArrayList<>();
        SharedInfra.cutOffKafka();
        try {
            for (int i = 0; i < count; i++) {
                ids.add(create(prefix + i));
            }
        } finally {
            SharedInfra.restoreKafka();
        }
        return ids;
    }

    private Predicate<ConsumerRecord<String, String>> ofThisTenant() {
        return TopicProbe.withHeader("ce_tenantid", tenant.toString());
    }

    @Test
    void committedChangesProduceOneCloudEventEachInOrderPerAggregate() throws Exception {
        try (TopicProbe probe = TopicProbe.on("widget.events")) {
            String id = create("w0");
            for (int v = 0; v < 5; v++) {
                rename(id, v, "w" + (v + 1));
            }
            List<ConsumerRecord<String, String>> records = probe.await(ofThisTenant(), 6, Duration.ofSeconds(30));
            records = probe.drain(ofThisTenant(), Duration.ofMillis(500));
            assertThat(records).hasSize(6);
            List<String> names = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                assertThat(r.key()).isEqualTo(id);
                assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
                assertThat(UUID.fromString(header(r, "ce_id"))).isNotNull();
                assertThat(header(r, "ce_source")).isEqualTo("platform-kit-test");
                assertThat(header(r, "ce_subject")).isEqualTo(id);
                assertThat(header(r, "ce_actorid")).isEqualTo(user);
                assertThat(header(r, "ce_time")).isNotBlank();
                assertThat(header(r, "content-type")).startsWith("application/json");
                assertThat(json.readTree(r.value()).has("name")).as(r.value()).isTrue();
                names.add(json.readTree(r.value()).get("name").asText());
            }
            assertThat(header(records.get(0), "ce_type")).isEqualTo("io.fieldsales.kit.widget.created.v1");
            assertThat(header(records.get(0), "ce_requestid")).isEqualTo("req-w0");
            // the writer's own server span, in the caller's trace
            assertThat(header(records.get(0), "ce_traceparent"))
                    .matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01")
                    .isNotEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            assertThat(header(records.get(1), "ce_type")).isEqualTo("io.fieldsales.kit.widget.renamed.v1");
            assertThat(names).containsExactly("w0", "w1", "w2", "w3", "w4", "w5");
            // ce_id is the outbox row id
            assertThat(TestDatabase.count("select count(*) from outbox where id = ?::uuid",
                    header(records.get(0), "ce_id"))).isEqualTo(1);
        }
    }

    @Test
    void concurrentChangesToManyAggregatesKeepEachAggregatesOrder() throws Exception {
        int aggregates = 12;
        int renames = 4;
        try (TopicProbe probe = TopicProbe.on("widget.events")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < aggregates; i++) {
                ids.add(create("a" + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(aggregates);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int v = 0; v < renames; v++) {
                        rename(id, v, "n" + (v + 1));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            int expected = aggregates * (renames + 1);
            probe.await(ofThisTenant(), expected, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = probe.drain(ofThisTenant(), Duration.ofMillis(500));
            assertThat(records).hasSize(expected);
            Map<String, List<Long>> versions = new HashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                JsonNode data = json.readTree(r.value());
                versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(data.get("version").asLong());
            }
            for (String id : ids) {
                assertThat(versions.get(id)).containsExactly(0L, 1L, 2L, 3L, 4L);
            }
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Exception {
        try (TopicProbe probe = TopicProbe.on("widget.events")) {
            given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"doomed\"}")
                    .post("/api/v1/widgets?failAfterWrite=true").then().statusCode(500);
            String kept = create("kept");
            probe.await(ofThisTenant(), 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = probe.drain(ofThisTenant(), Duration.ofSeconds(1));
            assertThat(records).extracting(ConsumerRecord::key).containsExactly(kept);
        }
        assertThat(TestDatabase.count(
                "select count(*) from outbox where tenant_id = ?::uuid and payload->>'name' = 'doomed'",
                tenant.toString())).isZero();
    }

    @Test
    void withKafkaDownWritesCommitAndEveryEventArrivesOnceItIsBack() throws Exception {
        List<String> ids = createWhileKafkaIsDown(10, "offline");
        try (TopicProbe probe = TopicProbe.on("widget.events")) {
            probe.await(ofThisTenant(), 10, Duration.ofSeconds(60));
            List<ConsumerRecord<String, String>> records = probe.drain(ofThisTenant(), Duration.ofSeconds(1));
            assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void relaysRunningAtOncePublishEachRowOnce() throws Exception {
        List<String> ids = createWhileKafkaIsDown(30, "race");
        // Four more relays (as on four more replicas) race the instance's own relay for the backlog.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(() -> {
                start.await();
                for (int pass = 0; pass < 20; pass++) {
                    try {
                        relay.publishBatch().await().atMost(Duration.ofSeconds(30));
                    } catch (RuntimeException kafkaStillReconnecting) {
                        // the next pass retries, as the real relay does
                    }
                }
                return null;
            });
        }
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> r : racers) {
            futures.add(pool.submit(r));
        }
        start.countDown();
        for (Future<Object> f : futures) {
            f.get();
        }
        pool.shutdown();
        try (TopicProbe probe = TopicProbe.on("widget.events")) {
            probe.await(ofThisTenant(), 30, Duration.ofSeconds(60));
            List<ConsumerRecord<String, String>> records = probe.drain(ofThisTenant(), Duration.ofSeconds(2));
            Set<String> eventIds = new HashSet<>();
            records.forEach(r -> eventIds.add(header(r, "ce_id")));
            assertThat(records).hasSize(30);
            assertThat(eventIds).hasSize(30);
            assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void eventsAppendedInBulkOnTheRawPoolArePublishedInOrder() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(new OutboxEvent("widget.events", "io.fieldsales.kit.widget.renamed.v1", "widget", aggregate,
                    tenant, user, new WidgetChanged(UUID.fromString(aggregate), "bulk" + i, i)));
        }
        try (TopicProbe probe = TopicProbe.on("widget.events")) {
            pool.withTransaction(c -> outbox.appendAll(c, events, "bulk-request", null))
                    .await().atMost(Duration.ofSeconds(10));
            probe.await(ofThisTenant(), 5, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = probe.drain(ofThisTenant(), Duration.ofMillis(500));
            assertThat(records).hasSize(5).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(aggregate);
                assertThat(header(r, "ce_requestid")).isEqualTo("bulk-request");
                assertThat(header(r, "ce_actorid")).isEqualTo(user);
            });
            List<String> names = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                names.add(json.readTree(r.value()).get("name").asText());
            }
            assertThat(names).containsExactly("bulk0", "bulk1", "bulk2", "bulk3", "bulk4");
        }
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void redactionBlanksEveryEventOfTheErasedAggregatesOnly() {
        String erased = create("to-erase");
        rename(erased, 0, "to-erase-renamed");
        String kept = create("to-keep");
        int redacted = given().auth().oauth2(token).delete("/api/v1/widgets/" + erased + "/events")
                .then().statusCode(200).extract().as(Integer.class);
        assertThat(redacted).isEqualTo(2);
        assertThat(TestDatabase.count("select count(*) from outbox where aggregate_id = ?"
                + " and payload = '{\"redacted\":true}'::jsonb", erased)).isEqualTo(2);
        assertThat(TestDatabase.count("select count(*) from outbox where aggregate_id = ?"
                + " and payload->>'name' = 'to-keep'", kept)).isEqualTo(1);
    }

    @Test
    void backlogGaugesAreExposedAsPrometheusMetrics() {
        String metrics = io.fieldsales.platform.testing.ManagementSurface.get(management.toString(), "/q/metrics");
        assertThat(metrics).contains("fieldsales_outbox_pending").contains("fieldsales_outbox_oldest_pending_age_seconds");
    }

    @Test
    void sentRowsOlderThanTheRetentionArePruned() throws Exception {
        String sent = create("old");
        // back-date only once the relay is done with the row, or its own "sent now" would win the race
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from outbox where aggregate_id = ? and sent_at is not null", sent) == 1);
        assertThat(TestDatabase.execute("update outbox set sent_at = now() - interval '2 hours'"
                + " where aggregate_id = ?", sent)).isEqualTo(1);
        relay.prune().await().atMost(Duration.ofSeconds(10));
        assertThat(TestDatabase.count("select count(*) from outbox where aggregate_id = ?", sent)).isZero();
    }
}
