package io.fieldsales.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.order.events.CustomerEventsConsumer;
import io.fieldsales.platform.testing.PackagedService;
import io.fieldsales.platform.testing.SharedInfra;
import io.fieldsales.platform.testing.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the packaged service while its {@code customer.events} consumer is working through a backlog, after two
 * rebalances (another member joining the group, then leaving) in the middle of it: the
 * process exits within the pod's grace period (45 s), nothing is dead-lettered, and the consumer group's committed
 * offsets equal what was processed, partition by partition: every record below the committed offset has its
 * {@code processed_event} row (nothing skipped) and none above it has (nothing read again: no record starts after
 * SIGTERM, those in flight finish before the pools close, and the kit's commit strategy commits on close). A restart
 * finishes the rest and commits all of it on its own SIGTERM.
 */
class ConsumerShutdownIT {

    /**
     * A topic of this test's own, read by its service only: order-service instances of other ITs (the default group,
     * same database) would otherwise project these events too, and their processed_event rows would count here.
     */
    private static final String TOPIC = "customer.events.shutdown-test";
    /** A topic only the visiting member reads (created by the test). */
    private static final String VISITOR_TOPIC = "order.shutdown-test.visitor";
    // more than a quiet machine projects during the shutdown delay and drain (4,000 were all done within 12 s)
    private static final int EVENTS = 20_000;
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(45);

    /** One published event: its id and where it landed. */
    private record Published(UUID eventId, TopicPartition partition, long offset) {
    }

    @Test
    void onSigtermTheConsumerCommitsExactlyWhatItProcessedAndARestartFinishesTheRest() throws Exception {
        String group = "order-service-customers-shutdown-" + UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic(TOPIC + ".dlq", 3, (short) 1),
                    new NewTopic(VISITOR_TOPIC, 1, (short) 1))).all().get();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.kafkaBootstrap())); TopicProbe dlq = TopicProbe.on(TOPIC + ".dlq")) {
            // a fresh group starting at the topic's end: it reads this test's events only
            Map<TopicPartition, Long> start = endOffsets(admin);
            admin.alterConsumerGroupOffsets(group, start.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();

            List<Published> published;
            Duration took;
            String log;
            try (PackagedService service = consumerWithGroup(group).start()) {
                service.awaitReady(Duration.ofMinutes(3));
                published = publish(tenant);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() ->
                        projected(tenant) >= 100);
                // two rebalances mid-backlog (a member joining, then leaving): the records handed out before them
                // still count once the partitions come back
                visitGroup(group);
                long projectedAfterRebalance = projected(tenant);
                // SIGTERM in the middle of the backlog
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() ->
                        projected(tenant) >= projectedAfterRebalance + 100);
                service.sigterm();
                took = service.awaitExit(GRACE_PERIOD);
                log = service.log().lines().filter(l -> l.contains("WARN") || l.contains("ERROR")
                        || l.contains("left for the next start") || l.contains("committed")
                        || l.contains("not processed")).limit(40)
                        .collect(Collectors.joining("\n"));
            }

            System.out.println("The service's commits:\n" + log.lines().filter(l -> l.contains("ProcessedOffsetsCommit"))
                    .collect(Collectors.joining("\n")));
            Set<UUID> processed = processed(published);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            System.out.printf("BENCHMARK consumer shutdown of order-service: %d of %d events processed before"
                    + " SIGTERM took effect, %d ms from SIGTERM to exit%n", processed.size(), EVENTS, took.toMillis());
            assertThat(processed.size()).as("SIGTERM came while the consumer still had a backlog")
                    .isLessThan(EVENTS);
            assertThat(dlq.drain(TopicProbe.withHeader("ce_tenantid", tenant.toString()), Duration.ofSeconds(2)))
                    .as("nothing dead-lettered by the shutdown; service log:%n%s", log).isEmpty();

            Map<TopicPartition, List<Published>> byPartition = published.stream()
                    .collect(Collectors.groupingBy(Published::partition));
            long committedRecords = 0;
            for (var entry : byPartition.entrySet()) {
                TopicPartition partition = entry.getKey();
                long from = start.get(partition);
                OffsetAndMetadata offset = committed.get(partition);
                long committedOffset = offset == null ? from : offset.offset();
                List<Published> done = entry.getValue().stream().filter(p -> processed.contains(p.eventId()))
                        .toList();
                // nothing skipped: every record below the committed offset was processed ...
                assertThat(entry.getValue().stream().filter(p -> p.offset() < committedOffset))
                        .as("%s: records below the committed offset %d are processed; service log:%n%s", partition,
                                committedOffset, log).allMatch(p -> processed.contains(p.eventId()));
                // ... and processing went in order: the processed records are a prefix of the partition
                assertThat(done.stream().mapToLong(Published::offset).max().orElse(from - 1) - from + 1)
                        .as("%s: processed records form a prefix", partition).isEqualTo(done.size());
                // ... and nothing above it: the commit on close took exactly what was processed
                assertThat(done.size()).as("%s: processed records = committed offset %d - start %d; service log:%n%s",
                        partition, committedOffset, from, log).isEqualTo(committedOffset - from);
                committedRecords += committedOffset - from;
            }
            System.out.printf("BENCHMARK consumer shutdown of order-service: %d records committed on SIGTERM, all"
                    + " of them processed, none processed past them%n", committedRecords);
            // the restart reads from the committed offsets and finishes the backlog
            try (PackagedService again = consumerWithGroup(group).start()) {
                again.awaitReady(Duration.ofMinutes(3));
                await().atMost(Duration.ofSeconds(400)).pollInterval(Duration.ofMillis(250)).until(() ->
                        projected(tenant) == EVENTS);
                again.sigterm();
                again.awaitExit(GRACE_PERIOD);
            }
            assertThat(processed(published)).as("every event processed once in all").hasSize(EVENTS);
            Map<TopicPartition, OffsetAndMetadata> finalOffsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            for (var entry : byPartition.entrySet()) {
                assertThat(finalOffsets.get(entry.getKey()).offset() - start.get(entry.getKey()))
                        .as("%s: everything committed after the restart", entry.getKey())
                        .isEqualTo(entry.getValue().size());
            }
            assertThat(dlq.drain(TopicProbe.withHeader("ce_tenantid", tenant.toString()), Duration.ofSeconds(2)))
                    .as("nothing dead-lettered by the restart").isEmpty();
        }
    }

    /**
     * Another member joins the group, reading another topic, until the group has rebalanced, then leaves: the
     * service's partitions are revoked and given back twice while its pipeline still holds records. (A partition
     * that moves to another member is read again there from the last commit: what the old owner processed after
     * the revocation is at-least-once, absorbed by {@code processed_event}; not this test's subject.)
     */
    private static void visitGroup(String group) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        try (KafkaConsumer<String, String> visitor = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            visitor.subscribe(List.of(VISITOR_TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                visitor.poll(Duration.ofMillis(200));
                return !visitor.assignment().isEmpty();
            });
        }
    }

    private static PackagedService.Builder consumerWithGroup(String group) {
        return PackagedService.withProperty("mp.messaging.incoming.customer-events.group.id", group)
                .property("mp.messaging.incoming.customer-events.topic", TOPIC)
                .property("mp.messaging.incoming.customer-events.dead-letter-queue.topic", TOPIC + ".dlq")
                // as in production: readiness DOWN first, then the shutdown itself
                .property("quarkus.shutdown.delay", "2s")
                // no periodic commit during the test: what is committed is what the close committed
                .property("mp.messaging.incoming.customer-events.auto.commit.interval.ms", "600000");
    }

    private static List<Published> publish(UUID tenant) throws Exception {
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = EventsFixture.producer()) {
            for (int i = 0; i < EVENTS; i++) {
                UUID customer = UUID.randomUUID();
                UUID eventId = UUID.randomUUID();
                ids.add(eventId);
                // deleted events: one statement each (created ones are written in runs of a batch, which projected
                // 20,000 within the rebalance below, leaving no backlog for the SIGTERM)
                sent.add(producer.send(EventsFixture.record(TOPIC, "io.fieldsales.customer.deleted.v1", tenant,
                        customer.toString(), "{\"customerId\":\"" + customer + "\",\"version\":2}", eventId)));
            }
            producer.flush();
        }
        List<Published> published = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            RecordMetadata m = sent.get(i).get();
            published.add(new Published(ids.get(i), new TopicPartition(m.topic(), m.partition()), m.offset()));
        }
        return published;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        int partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static long projected(UUID tenant) {
        return Db.count("select count(*) from customer_projection where tenant_id = ?", tenant);
    }

    private static Set<UUID> processed(List<Published> published) {
        String ids = published.stream().map(p -> p.eventId().toString()).collect(Collectors.joining(","));
        return Db.strings("select event_id::text from processed_event where consumer = ?"
                        + " and event_id = any(string_to_array(?, ',')::uuid[])", CustomerEventsConsumer.CONSUMER, ids)
                .stream().map(UUID::fromString).collect(Collectors.toCollection(HashSet::new));
    }
}
