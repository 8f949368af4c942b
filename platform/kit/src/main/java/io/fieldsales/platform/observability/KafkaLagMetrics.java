package io.fieldsales.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Kafka health of this service's consumers, from the broker's own bookkeeping rather than the consumer's
 * {@code records-lag-max} (which only exists while a consumer is polling):
 * <ul>
 *   <li>{@code fieldsales.kafka.consumer.lag{group,topic}}: end offsets minus the group's committed offsets, summed
 *       over partitions (a group that committed nothing yet counts from the start of the log);</li>
 *   <li>{@code fieldsales.dlq.messages{topic}}: messages held in each dead-letter topic of this service's channels
 *       (end minus start offsets, so retention or a replay-and-purge brings it back to 0).</li>
 * </ul>
 * Groups, topics and DLQs come from the {@code mp.messaging.incoming.*} configuration; refreshed every
 * {@code fieldsales.observability.kafka-refresh} with the admin client's futures (never blocking an event loop).
 */
@ApplicationScoped
public class KafkaLagMetrics {

    private static final Logger LOG = Logger.getLogger(KafkaLagMetrics.class);
    private static final String INCOMING = "mp.messaging.incoming.";

    @Inject
    MeterRegistry metrics;

    @Inject
    Vertx vertx;

    @Inject
    Config config;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "fieldsales.observability.kafka-refresh", defaultValue = "PT15S")
    Duration refresh;

    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> dlq = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> topicsByGroup = new TreeMap<>();
    private final Set<String> dlqTopics = new TreeSet<>();
    private volatile Admin admin;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        readChannels();
        if (topicsByGroup.isEmpty() && dlqTopics.isEmpty()) {
            return;
        }
        topicsByGroup.forEach((group, topics) -> topics.forEach(topic -> Gauge.builder("fieldsales.kafka.consumer.lag",
                        lag.computeIfAbsent(group + '/' + topic, k -> new AtomicLong()), AtomicLong::get)
                .description("Messages not yet committed by the consumer group").tags("group", group, "topic", topic)
                .register(metrics)));
        dlqTopics.forEach(topic -> Gauge.builder("fieldsales.dlq.messages",
                        dlq.computeIfAbsent(topic, k -> new AtomicLong()), AtomicLong::get)
                .description("Messages held in the dead-letter topic").tag("topic", topic).register(metrics));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000));
        timer = vertx.setPeriodic(1000, refresh.toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        Admin a = admin;
        if (a != null) {
            a.close(Duration.ofSeconds(1));
        }
    }

    private void readChannels() {
        Map<String, String> props = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(INCOMING)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> props.put(name, v));
            }
        }
        Set<String> channels = props.keySet().stream().map(n -> n.substring(INCOMING.length()))
                .filter(n -> n.indexOf('.') > 0).map(n -> n.substring(0, n.indexOf('.')))
                .collect(Collectors.toCollection(TreeSet::new));
        for (String channel : channels) {
            String prefix = INCOMING + channel + '.';
            if (!"smallrye-kafka".equals(props.get(prefix + "connector"))) {
                continue;
            }
            String topics = props.getOrDefault(prefix + "topics", props.getOrDefault(prefix + "topic", channel));
            String group = props.get(prefix + "group.id");
            if (group != null) {
                for (String topic : topics.split(",")) {
                    if (!topic.isBlank()) {
                        topicsByGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(topic.trim());
                    }
                }
            }
            if ("dead-letter-queue".equals(props.get(prefix + "failure-strategy"))) {
                dlqTopics.add(props.getOrDefault(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + channel));
            }
        }
    }

    void refresh() {
        Admin a = admin;
        if (a == null) {
            return;
        }
        Set<String> wanted = new TreeSet<>(dlqTopics);
        topicsByGroup.values().forEach(wanted::addAll);
        // a dead-letter topic exists from its first message on: until then it holds 0
        a.listTopics().names().toCompletionStage()
                .thenCompose(existing -> a.describeTopics(wanted.stream().filter(existing::contains).toList())
                        .allTopicNames().toCompletionStage())
                .thenCompose(described -> {
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                    described.forEach((topic, d) -> d.partitions().forEach(p -> {
                        latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                        if (dlqTopics.contains(topic)) {
                            earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                        }
                    }));
                    var ends = a.listOffsets(latest, new ListOffsetsOptions()).all().toCompletionStage();
                    var starts = a.listOffsets(earliest, new ListOffsetsOptions()).all().toCompletionStage();
                    return ends.thenCombine(starts, (e, s) -> {
                        dlqTopics.forEach(topic -> dlq.get(topic).set(e.entrySet().stream()
                                .filter(x -> x.getKey().topic().equals(topic))
                                .mapToLong(x -> x.getValue().offset() - s.get(x.getKey()).offset()).sum()));
                        return e;
                    });
                })
                .thenAccept(ends -> topicsByGroup.forEach((group, groupTopics) -> a.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().toCompletionStage().thenAccept(committed -> {
                            for (String topic : groupTopics) {
                                long total = 0;
                                for (var end : ends.entrySet()) {
                                    if (end.getKey().topic().equals(topic)) {
                                        OffsetAndMetadata c = committed.get(end.getKey());
                                        total += Math.max(0, end.getValue().offset() - (c == null ? 0 : c.offset()));
                                    }
                                }
                                lag.get(group + '/' + topic).set(total);
                            }
                        })))
                .exceptionally(failure -> {
                    LOG.debugf("Cannot read consumer lag and dead-letter counts: %s", failure.toString());
                    return null;
                });
    }

    /** Topics this service consumes by group, and its dead-letter topics (for tests and the docs). */
    public Map<String, Set<String>> consumedTopics() {
        return topicsByGroup;
    }

    public List<String> deadLetterTopics() {
        return List.copyOf(dlqTopics);
    }
}
