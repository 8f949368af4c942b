package io.fieldsales.platform.embedded;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;

/**
 * A real Kafka broker in KRaft mode (one combined controller + broker node) running in this JVM.
 * Starts in about three seconds.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts a broker on a free port.
     *
     * @param advertisedPort if positive, the port clients are told to connect to (a proxy in front of the broker,
     *                       which tests use to cut the broker off and bring it back); 0 for the broker's own port
     * @param baseDir        where the broker keeps its logs, or null for a throw-away directory
     */
    public static EmbeddedKafkaBroker start(int advertisedPort, Path baseDir) throws Exception {
        keepTheJvmAlive();
        TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1);
        if (baseDir != null) {
            nodes.setBaseDirectory(baseDir);
        }
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes.build())
                .setConfigProp("log.flush.interval.messages", Long.toString(Long.MAX_VALUE))
                .setDeleteOnClose(baseDir == null);
        SingleNodeKafka.brokerProperties().forEach(builder::setConfigProp);
        if (advertisedPort > 0) {
            builder.setConfigProp("advertised.listeners", "EXTERNAL://127.0.0.1:" + advertisedPort);
        }
        KafkaClusterTestKit kit = builder.build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(kit);
        LOG.infof("Embedded Kafka (KRaft) listening on %s", broker.listenerAddress());
        return broker;
    }

    /**
     * Kafka calls {@code Exit.exit}/{@code Exit.halt} on fatal errors, also while it stops in a shutdown hook: in a
     * JVM that embeds it (a test JVM, the local stack) that would end the JVM with a non-zero status after every test
     * passed. Log instead; the JVM's owner decides when it ends.
     */
    private static void keepTheJvmAlive() {
        Exit.setExitProcedure((status, message) ->
                LOG.warnf("Embedded Kafka asked to exit the JVM with status %d (ignored): %s", status, message));
        Exit.setHaltProcedure((status, message) ->
                LOG.warnf("Embedded Kafka asked to halt the JVM with status %d (ignored): %s", status, message));
    }

    /** The address the broker itself listens on (host:port). */
    public String listenerAddress() {
        return cluster.bootstrapServers();
    }

    /** Creates topics that do not exist yet, with the given partition count, replication factor 1. */
    public void createTopics(Collection<String> topics, int partitions) throws ExecutionException, InterruptedException {
        createTopics(listenerAddress(), topics, partitions);
    }

    /** Creates topics that do not exist yet on any broker. */
    public static void createTopics(String bootstrapServers, Collection<String> topics, int partitions)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1))
                    .collect(Collectors.toList());
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    public Map<String, Object> clientProperties() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, listenerAddress());
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
