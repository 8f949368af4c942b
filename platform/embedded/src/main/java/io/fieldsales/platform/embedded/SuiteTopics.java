package io.fieldsales.platform.embedded;

import java.util.List;

/**
 * The suite's topic catalogue: every topic a service publishes to or consumes, with its DLQ, as the test kit and the
 * local stack create them up front. Events are read by up to 3 consumers of a group (3 partitions); DLQs and the
 * checkpoint stream are read by people and auditors (1 partition). Add a topic here, not in a copy of this list.
 */
public final class SuiteTopics {

    /** A topic and its partition count. */
    public record Topic(String name, int partitions) {
    }

    public static final List<Topic> ALL = List.of(
            new Topic("customer.events", 3), new Topic("order.events", 3), new Topic("cash.events", 3),
            new Topic("security.events", 3), new Topic("audit.checkpoints", 1),
            new Topic("customer.events.dlq", 1), new Topic("order.events.dlq", 1), new Topic("cash.events.dlq", 1),
            new Topic("security.events.dlq", 1), new Topic("audit.dlq", 1));

    private SuiteTopics() {
    }

    public static List<String> names() {
        return ALL.stream().map(Topic::name).toList();
    }

    /** Creates the catalogue's topics that do not exist yet on the broker, each with its partition count. */
    public static void createMissing(String bootstrapServers) throws Exception {
        for (int partitions : ALL.stream().mapToInt(Topic::partitions).distinct().toArray()) {
            EmbeddedKafkaBroker.createTopics(bootstrapServers,
                    ALL.stream().filter(t -> t.partitions() == partitions).map(Topic::name).toList(), partitions);
        }
    }
}
