package io.fieldsales.platform.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

/**
 * A single-node KRaft Kafka broker on fixed ports with its log kept in a directory across restarts: what the local
 * stack runs (deploy/local), where services and developers' tools must find Kafka at a known address and
 * committed offsets and unconsumed events must survive a restart. Tests use {@link EmbeddedKafkaBroker} (free
 * ports, throw-away logs).
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalKafkaBroker.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;
    private volatile boolean closed;

    private LocalKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the broker, formatting its log directory on first use.
     *
     * @param port           the client port (listener and advertised address 127.0.0.1:port)
     * @param controllerPort the KRaft controller's port (loopback only)
     * @param dataDir        where the broker keeps its log and metadata across restarts
     */
    public static LocalKafkaBroker start(int port, int controllerPort, Path dataDir) throws Exception {
        Path logDir = dataDir.toAbsolutePath().resolve("log");
        Files.createDirectories(logDir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        // The only voter elects itself: no reason to wait the default second (or more) for other voters.
        props.put("controller.quorum.election.timeout.ms", "100");
        props.put("log.dirs", logDir.toString());
        SingleNodeKafka.brokerProperties().forEach(props::put);
        // The log cleaner (compacted topics such as __consumer_offsets) allocates its dedupe buffer on the heap:
        // 128 MiB by default, far more than a developer's broker ever needs.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        // A developer's machine: a week of events at most, small segments so retention can act.
        props.put("log.retention.hours", "168");
        props.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } // else formatted on an earlier start: keep its cluster id and data

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        LocalKafkaBroker broker = new LocalKafkaBroker(server, port);
        try {
            broker.awaitReady(Duration.ofSeconds(60));
        } catch (Exception e) {
            broker.close();
            throw e;
        }
        LOG.infof("Kafka (KRaft) listening on %s, data in %s", broker.bootstrapServers(), dataDir);
        return broker;
    }

    private void awaitReady(Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers(), e);
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /** The address clients connect to (host:port). */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker after flushing its logs; its ports are free when this returns. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }
}
