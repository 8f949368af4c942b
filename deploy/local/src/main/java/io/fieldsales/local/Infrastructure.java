package io.fieldsales.local;

import io.fieldsales.platform.embedded.EmbeddedPostgresServer;
import io.fieldsales.platform.embedded.LocalKafkaBroker;
import io.fieldsales.platform.embedded.SuiteTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** The stack's PostgreSQL server and Kafka broker, with the databases, roles and topics the services expect. */
final class Infrastructure {

    private EmbeddedPostgresServer postgres;
    private LocalKafkaBroker kafka;
    private Path postgresData;

    /** Starts PostgreSQL and creates, if missing, one database and login role per service. */
    void startPostgres(Path dataDir, int port, List<ServiceSpec> services) throws IOException, SQLException {
        postgresData = dataDir;
        postgres = EmbeddedPostgresServer.start(port, dataDir);
        for (ServiceSpec s : services) {
            if (s.database() == null) {
                continue;
            }
            // Local only: the role's password is its name, as in every service's %dev profile (and the server
            // only listens on 127.0.0.1).
            postgres.ensureDatabase(s.database(), s.database(), s.database());
            if (!s.setupSql().isEmpty()) {
                try (Connection c = postgres.superuserConnection(s.database()); Statement st = c.createStatement()) {
                    for (String sql : s.setupSql()) {
                        st.execute(sql);
                    }
                }
            }
        }
    }

    /** Starts Kafka and creates the topics that do not exist yet. */
    void startKafka(Path dataDir, int port, int controllerPort) throws Exception {
        kafka = LocalKafkaBroker.start(port, controllerPort, dataDir);
        SuiteTopics.createMissing(kafka.bootstrapServers());
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    int postgresPort() {
        return postgres.port();
    }

    /** The PostgreSQL server process (its children are the backends), while it runs. */
    Optional<ProcessHandle> postgresProcess() {
        if (postgres == null || postgresData == null) {
            return Optional.empty();
        }
        try {
            Path pidFile = postgresData.resolve("postmaster.pid");
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    void stopKafka() throws IOException {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Stops PostgreSQL with a fast shutdown (a checkpoint: everything committed is on disk). */
    void stopPostgres() throws IOException {
        if (postgres != null) {
            Optional<ProcessHandle> server = postgresProcess();
            postgres.close();
            postgres = null;
            // pg_ctl returns when the server stopped accepting work; the process itself exits a moment later.
            if (server.isPresent()) {
                try {
                    server.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    ProcessRecords.terminate(server.get(), java.time.Duration.ofSeconds(30));
                }
            }
        }
    }
}
