package io.fieldsales.platform.kittest;

import static io.fieldsales.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.platform.outbox.Outbox;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.fieldsales.platform.outbox.OutboxRelay;
import io.fieldsales.platform.testing.TestDatabase;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A backlog drains while writers keep appending to the same aggregates and two more relays (as on other replicas)
 * race the instance's own: every row reaches Kafka exactly once, and each aggregate's events arrive in the order
 * they were written.
 */
@QuarkusTest
class OutboxDrainOrderTest {

    static final String TOPIC = "kit.outbox.order";
    static final int AGGREGATES = 40;
    static final int BACKLOG_PER_AGGREGATE = 50;
    static final int WRITTEN_PER_AGGREGATE = 20;
    static final int WRITERS = 8;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    private final UUID tenant = UUID.randomUUID();

    private OutboxEvent event(UUID aggregate, int n) {
        return new OutboxEvent(TOPIC, "io.fieldsales.kit.widget.renamed.v1", "widget", aggregate.toString(), tenant,
                "writer", new WidgetChanged(aggregate, "n" + n, n));
    }

    @Test
    void backlogDrainsWithConcurrentWritersInOrderPerAggregateAndWithoutDuplicates() throws Exception {
        List<UUID> aggregates = IntStream.range(0, AGGREGATES).mapToObj(i -> UUID.randomUUID()).toList();
        List<OutboxEvent> backlog = new ArrayList<>();
        for (int n = 0; n < BACKLOG_PER_AGGREGATE; n++) {
            for (UUID a : aggregates) {
                backlog.add(event(a, n)); // interleaved: each aggregate's rows are spread over the whole backlog
            }
        }
        int expected = AGGREGATES * (BACKLOG_PER_AGGREGATE + WRITTEN_PER_AGGREGATE);
        try (TopicProbe probe = TopicProbe.on(TOPIC)) {
            pool.withTransaction(c -> outbox.appendAll(c, backlog, "backlog", null))
                    .await().atMost(Duration.ofSeconds(30));

            ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                List<UUID> mine = aggregates.subList(w * AGGREGATES / WRITERS, (w + 1) * AGGREGATES / WRITERS);
                writers.add(threads.submit(() -> {
                    start.await();
                    for (int n = BACKLOG_PER_AGGREGATE; n < BACKLOG_PER_AGGREGATE + WRITTEN_PER_AGGREGATE; n++) {
                        for (UUID a : mine) {
                            OutboxEvent e = event(a, n);
                            pool.withTransaction(c -> outbox.appendAll(c, List.of(e), "writer", null))
                                    .await().atMost(Duration.ofSeconds(30));
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> racers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                racers.add(threads.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        relay.publishBatch().await().atMost(Duration.ofSeconds(30));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            for (Future<?> f : racers) {
                f.get();
            }
            threads.shutdown();

            probe.await(TopicProbe.withHeader("ce_tenantid", tenant.toString()), expected, Duration.ofSeconds(120));
            List<ConsumerRecord<String, String>> records = probe.drain(
                    TopicProbe.withHeader("ce_tenantid", tenant.toString()), Duration.ofSeconds(1));

            Set<String> eventIds = new HashSet<>();
            Map<String, List<Integer>> perAggregate = new HashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                eventIds.add(header(r, "ce_id"));
                perAggregate.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(json.readTree(r.value()).get("version").asInt());
            }
            assertThat(records).as("one record per row, none twice").hasSize(expected);
            assertThat(eventIds).hasSize(expected);
            List<Integer> inOrder = IntStream.range(0, BACKLOG_PER_AGGREGATE + WRITTEN_PER_AGGREGATE).boxed().toList();
            assertThat(perAggregate).hasSize(AGGREGATES);
            for (UUID a : aggregates) {
                assertThat(perAggregate.get(a.toString())).as("events of %s", a).isEqualTo(inOrder);
            }
        }
        assertThat(TestDatabase.count("select count(*) from outbox where tenant_id = ?::uuid and sent_at is null",
                tenant.toString())).isZero();
    }
}
