package io.fieldsales.platform.testing;

import io.fieldsales.platform.embedded.EmbeddedKafkaBroker;
import io.fieldsales.platform.embedded.EmbeddedPostgresServer;
import io.fieldsales.platform.embedded.SuiteTopics;
import io.fieldsales.platform.embedded.TcpProxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * One embedded PostgreSQL and one embedded Kafka per test JVM, shared by every test class of a module and stopped
 * when the JVM exits. Their addresses are published as system properties, which every class loader of a Quarkus
 * test sees, so a test can reach them whichever loader loaded it.
 */
public final class SharedInfra {

    public static final String DATABASE = "app";
    public static final String DB_ROLE = "app";
    public static final String DB_PASSWORD = "app";

    static final String PG_PORT = "fieldsales.test.pg.port";
    static final String KAFKA_BOOTSTRAP = "fieldsales.test.kafka.bootstrap";
    static final String KAFKA_BROKER_ADDRESS = "fieldsales.test.kafka.broker";

    /** The topics every service publishes to or consumes, created up front with their DLQs. */
    public static final List<String> TOPICS = SuiteTopics.names();

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    private static TcpProxy kafkaProxy;

    private SharedInfra() {
    }

    /** Starts PostgreSQL if this JVM has none yet and returns its port. */
    public static synchronized int postgresPort() {
        String known = System.getProperty(PG_PORT);
        if (known != null) {
            return Integer.parseInt(known);
        }
        try {
            postgres = EmbeddedPostgresServer.start(0, null);
            postgres.ensureDatabase(DATABASE, DB_ROLE, DB_PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL", e);
        }
        System.setProperty(PG_PORT, Integer.toString(postgres.port()));
        return postgres.port();
    }

    /**
     * Starts Kafka if this JVM has none yet and returns the bootstrap address clients use: a loopback relay in front
     * of the broker, which {@link #cutOffKafka()} and {@link #restoreKafka()} switch off and on.
     */
    public static synchronized String kafkaBootstrap() {
        String known = System.getProperty(KAFKA_BOOTSTRAP);
        if (known != null) {
            return known;
        }
        try {
            kafkaProxy = TcpProxy.open();
            kafka = EmbeddedKafkaBroker.start(kafkaProxy.port(), null);
            String brokerAddress = kafka.listenerAddress();
            kafkaProxy.forwardTo(Integer.parseInt(brokerAddress.substring(brokerAddress.lastIndexOf(':') + 1)));
            SuiteTopics.createMissing(kafka.listenerAddress());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeQuietly(kafka);
                closeQuietly(kafkaProxy);
            }));
            System.setProperty(KAFKA_BROKER_ADDRESS, brokerAddress);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Kafka broker", e);
        }
        String bootstrap = "127.0.0.1:" + kafkaProxy.port();
        System.setProperty(KAFKA_BOOTSTRAP, bootstrap);
        return bootstrap;
    }

    /** Plays a Kafka outage: every client connection drops and new ones are refused. */
    public static void cutOffKafka() {
        proxy().cutOff();
    }

    /** Ends the outage started by {@link #cutOffKafka()}. */
    public static void restoreKafka() {
        proxy().restore();
    }

    /** A superuser connection to the test database: for tests that must bypass the service's own role. */
    public static Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort() + "/" + DATABASE,
                EmbeddedPostgresServer.SUPERUSER, EmbeddedPostgresServer.SUPERUSER);
    }

    private static synchronized TcpProxy proxy() {
        if (kafkaProxy == null) {
            throw new IllegalStateException("The Kafka relay was started by another class loader or not at all; "
                    + "make sure fieldsales-platform-embedded and fieldsales-platform-testing are parent-first "
                    + "(quarkus.class-loading.parent-first-artifacts)");
        }
        return kafkaProxy;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
