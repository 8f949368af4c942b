package io.fieldsales.platform.kittest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.fieldsales.platform.testing.TestDatabase;
import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Prints how long events take from their transaction to Kafka (the producer's record timestamp minus the event's
 * ce_time, which is the transaction's start) and how fast a backlog drains. Figures, not assertions: they depend on
 * the machine. The default build runs short versions (2 s at 200 writes/s, a 10,000-row backlog);
 * {@code -Dfieldsales.bench=true} runs the (20 s at 200 writes/s, a 100,000-row backlog).
 */
@QuarkusTest
class OutboxLatencyBenchmarkTest {

    /** A topic of its own, so the other tests' probes never read the benchmark's records. */
    static final String TOPIC = "kit.outbox.bench";
    static final boolean FULL = Boolean.getBoolean("fieldsales.bench");

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Test
    void printsCommitToKafkaLatency() {
        UUID tenant = UUID.randomUUID();
        String token = TestTokens.forTenant(tenant).roles("writer").mint();
        int n = 200;
        try (TopicProbe probe = TopicProbe.on("widget.events")) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"b" + i + "\"}")
                        .post("/api/v1/widgets").then().statusCode(201);
            }
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            List<ConsumerRecord<String, String>> records = probe.await(
                    TopicProbe.withHeader("ce_tenantid", tenant.toString()), n, Duration.ofSeconds(60));
            assertThat(records).hasSize(n);
            long[] millis = latencies(records);
            System.out.printf("BENCHMARK outbox: %d sequential creates in %.2f s (%.0f/s); transaction start -> Kafka:"
                            + " p50 %d ms, p95 %d ms, max %d ms%n", n, writeSeconds, n / writeSeconds,
                    millis[n / 2], millis[(int) (n * 0.95)], millis[n - 1]);
        }
    }

    /**
     * An open-model load: one single-event transaction every 5 ms (200 writes/s) on the raw pool, whatever the
     * relay does, and each event's transaction start -> Kafka latency.
     */
    @Test
    void printsLatencyAt200WritesPerSecond() throws Exception {
        warmUpTopic();
        UUID tenant = UUID.randomUUID();
        int seconds = FULL ? 20 : 2;
        int n = 200 * seconds;
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int k = i;
                CompletableFuture<Void> done = new CompletableFuture<>();
                writes.add(done);
                clock.schedule(() -> write(tenant, "agg-" + k, k).subscribe().with(v -> done.complete(null),
                        done::completeExceptionally), k * 5_000L, TimeUnit.MICROSECONDS);
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(seconds + 60L, TimeUnit.SECONDS);
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            List<ConsumerRecord<String, String>> records = probe.await(
                    TopicProbe.withHeader("ce_tenantid", tenant.toString()), n, Duration.ofSeconds(120));
            assertThat(records).hasSize(n);
            long[] millis = latencies(records);
            System.out.printf("BENCHMARK outbox at 200 writes/s: %d single-event transactions in %.2f s (%.0f/s);"
                            + " transaction start -> Kafka: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", n,
                    writeSeconds, n / writeSeconds, millis[n / 2], millis[(int) (n * 0.95)], millis[(int) (n * 0.99)],
                    millis[n - 1]);
        } finally {
            clock.shutdownNow();
        }
    }

    /** A backlog committed at once (as after a Kafka outage or a bulk import), and how fast the relay drains it. */
    @Test
    void printsBacklogDrainRate() {
        warmUpTopic();
        UUID tenant = UUID.randomUUID();
        int n = FULL ? 100_000 : 10_000;
        long insertStart = System.nanoTime();
        TestDatabase.execute("insert into outbox (id, tenant_id, aggregate_type, aggregate_id, event_type, topic,"
                + " payload) select gen_random_uuid(), ?::uuid, 'widget', 'backlog-' || i, 'io.fieldsales.kit.bench.v1',"
                + " ?, jsonb_build_object('n', i, 'name', 'backlog widget ' || i) from generate_series(1, ?) i",
                tenant.toString(), TOPIC, n);
        long committed = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> TestDatabase.count(
                "select count(*) from outbox where tenant_id = ?::uuid and sent_at is null", tenant.toString()) == 0);
        double drainSeconds = (System.nanoTime() - committed) / 1e9;
        System.out.printf("BENCHMARK outbox backlog: %d rows (inserted in %.2f s) drained to Kafka (acknowledged and"
                        + " marked sent) in %.2f s = %.0f events/s%n", n, (committed - insertStart) / 1e9, drainSeconds,
                n / drainSeconds);
    }

    private io.smallrye.mutiny.Uni<Void> write(UUID tenant, String aggregate, int n) {
        OutboxEvent event = new OutboxEvent(TOPIC, "io.fieldsales.kit.bench.v1", "widget", aggregate, tenant, "bench",
                new WidgetChanged(UUID.randomUUID(), "bench" + n, n));
        return pool.withTransaction(c -> outbox.appendAll(c, List.of(event), "bench", null));
    }

    /** The first record on a new topic waits for its creation and metadata: not what we measure. */
    private void warmUpTopic() {
        UUID tenant = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            write(tenant, "warm-up", 0).await().atMost(Duration.ofSeconds(30));
            assertThat(probe.await(TopicProbe.withHeader("ce_tenantid", tenant.toString()), 1, Duration.ofSeconds(60)))
                    .hasSize(1);
        }
    }

    private static long[] latencies(List<ConsumerRecord<String, String>> records) {
        return records.stream().mapToLong(r -> r.timestamp()
                - OffsetDateTime.parse(TopicProbe.header(r, "ce_time")).toInstant().toEpochMilli()).sorted().toArray();
    }
}
