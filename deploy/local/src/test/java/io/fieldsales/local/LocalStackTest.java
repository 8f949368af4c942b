package io.fieldsales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.platform.embedded.SuiteTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's own machinery with a trivial service in place of the real ones (which LocalStackIT runs): the
 * infrastructure, the environment a service gets, readiness, crash reports, an orderly stop that leaves no process
 * and no port, data kept across restarts and wiped by --fresh.
 */
class LocalStackTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    private final HttpClient http = HttpClient.newHttpClient();

    private StackOptions options(ServiceSpec... services) {
        return StackOptions.defaults(temp.resolve("repo"), Map.of())
                .withDataDir(temp.resolve("data"))
                .withServices(List.of(services))
                .withFreePorts()
                .withReadinessTimeout(Duration.ofSeconds(60));
    }

    private static ServiceSpec fakeService(String name, String database, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(ServiceProcess.javaExecutable(), "-Xmx32m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FakeService.class.getName(), "{port}"));
        command.addAll(List.of(args));
        return new ServiceSpec(name, name, 0, database, null, List.of(), null, command);
    }

    @Test
    void startsInfrastructureAndServicesWithTheirEnvironmentReportsACrashThenStopsLeavingNoProcessAndNoPort()
            throws Exception {
        ServiceSpec missing = ServiceSpec.quarkus("ghost-service", 0, "ghosts", null);
        List<ProcessHandle> processes;
        Set<Integer> ports;
        int echoPort;
        try (LocalStack stack = LocalStack.start(options(fakeService("echo-service", "echo"), missing), out)) {
            assertThat(console.toString()).contains("skipped   ghost-service     not in this repository")
                    .contains("ready     postgresql").contains("ready     kafka").contains("ready     echo-service");

            ServiceProcess echo = stack.services().get(0);
            echoPort = echo.spec().port();
            JsonNode env = GatewayClient.JSON.readTree(get(echo.url() + "/env"));
            assertThat(env.get("DB_REACTIVE_URL").asText())
                    .isEqualTo("postgresql://127.0.0.1:" + stack.postgresPort() + "/echo");
            assertThat(env.get("DB_JDBC_URL").asText())
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + stack.postgresPort() + "/echo");
            assertThat(env.get("dbUser").asText()).as("logged in to its own database as its own role")
                    .isEqualTo("echo");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(stack.kafkaBootstrap());
            assertThat(env.get("FIELDSALES_JWKS_URL").asText()).endsWith("/.well-known/jwks.json");
            assertThat(env.get("FIELDSALES_IDEMPOTENCY_KEY").asText()).as("a generated fingerprint key")
                    .hasSizeGreaterThanOrEqualTo(40);
            assertThat(env.get("QUARKUS_HTTP_PORT").asText()).isEqualTo(Integer.toString(echoPort));
            assertThat(env.get("QUARKUS_PROFILE").asText()).isEqualTo("prod");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafkaBootstrap()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(
                        SuiteTopics.names()).allTopicNames().get();
                SuiteTopics.ALL.forEach(t -> assertThat(topics.get(t.name()).partitions())
                        .as(t.name()).hasSize(t.partitions()));
            }
            assertThat(stack.memory().total()).isPositive();
            stack.printBanner();
            assertThat(console.toString()).contains("Platform admin    username: platform-admin")
                    .contains("echo-service      " + echo.url());

            processes = stack.processes();
            ports = stack.ports();
            assertThat(processes).as("the service and PostgreSQL's processes").hasSizeGreaterThan(2);
            // PostgreSQL, Kafka and its controller, the service's API and management ports
            assertThat(ports).hasSize(5).allMatch(p -> !Ports.isFree(p))
                    .contains(echo.spec().managementPort());
            assertThat(echo.spec().managementPort()).isNotEqualTo(echoPort);

            get(echo.url() + "/exit?code=7");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(console.toString())
                    .contains("echo-service exited with code 7 while running")
                    .contains("    | exiting with 7")
                    .contains("The rest of the stack keeps running"));
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(ports).allMatch(Ports::isFree);
        assertThat(console.toString()).contains("Stopping  echo-service").contains("Stopped");
        assertThat(temp.resolve("data/logs/echo-service.log")).content().contains("fake service listening");
        assertThat(temp.resolve("data/pids")).doesNotExist();
    }

    @Test
    void theFaultControlsStopKillAndRestartAServiceAndCutAndRestoreKafka() throws Exception {
        try (LocalStack stack = LocalStack.start(options(fakeService("echo-service", "echo")), out)) {
            ServiceProcess first = stack.services().get(0);
            int port = first.spec().port();
            stack.killService("echo-service");
            assertThat(first.isAlive()).isFalse();
            assertThat(Ports.isFree(port)).isTrue();
            assertThat(console.toString()).as("a kill the stack asked for is no crash").doesNotContain("exited with code");

            stack.startService("echo-service");
            ServiceProcess second = stack.services().get(0);
            assertThat(second.handle().pid()).isNotEqualTo(first.handle().pid());
            assertThat(second.spec().port()).isEqualTo(port);
            assertThat(get(second.url() + "/env")).contains("DB_REACTIVE_URL");

            stack.stopService("echo-service");
            assertThat(second.isAlive()).isFalse();
            stack.startService("echo-service");
            assertThat(stack.services().get(0).isAlive()).isTrue();

            String bootstrap = stack.kafkaBootstrap();
            int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            stack.kafkaOutage();
            assertThat(Ports.isFree(kafkaPort)).as("nothing listens on Kafka's port during the outage").isTrue();
            stack.restoreKafka();
            assertThat(stack.kafkaBootstrap()).isEqualTo(bootstrap);
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(props)) {
                assertThat(admin.listTopics().names().get()).as("the log survived the outage")
                        .containsAll(SuiteTopics.names());
            }
        }
    }

    @Test
    void aServiceThatCrashesWhileStartingFailsTheStartWithItsLogAndLeavesNothingRunning() throws Exception {
        StackOptions options = options(fakeService("crasher", "crashes", "crash"));
        assertThatThrownBy(() -> LocalStack.start(options, out))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("crasher exited with code 3 while starting")
                .hasMessageContaining("crasher.log")
                .hasMessageContaining("    | boot step 30")
                .hasMessageContaining("    | FATAL cannot reach the flux capacitor");
        assertThat(console.toString()).contains("Stopped");
        assertThat(temp.resolve("data/postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void aPortInUseIsReportedWithWhoHoldsItBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackOptions options = options().withInfrastructurePorts(taken.getLocalPort(), 0, 0);
            assertThatThrownBy(() -> LocalStack.start(options, out))
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " for postgresql")
                    .hasMessageContaining("in use by pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("Is another stack running?");
        }
        assertThat(temp.resolve("data/postgres")).doesNotExist();
    }

    @Test
    void dataAndSecretsSurviveARestartAndFreshWipesThem() throws Exception {
        StackOptions options = options(fakeService("echo-service", "echo"));
        String password;
        try (LocalStack stack = LocalStack.start(options, out)) {
            password = stack.platformAdmin().password();
            try (Connection c = connect(stack)) {
                c.createStatement().execute("create table visit (shop text primary key)");
                c.createStatement().execute("insert into visit values ('Mama Joyce''s Spaza')");
            }
        }
        try (LocalStack stack = LocalStack.start(options, out)) {
            assertThat(stack.platformAdmin().password()).isEqualTo(password);
            try (Connection c = connect(stack);
                 ResultSet rs = c.createStatement().executeQuery("select shop from visit")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Mama Joyce's Spaza");
            }
        }
        try (LocalStack stack = LocalStack.start(options.withFresh(true), out)) {
            assertThat(stack.platformAdmin().password()).isNotEqualTo(password);
            try (Connection c = connect(stack); ResultSet rs = c.createStatement()
                    .executeQuery("select count(*) from pg_tables where tablename = 'visit'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
        Properties secrets = new Properties();
        secrets.load(Files.newBufferedReader(temp.resolve("data/secrets.properties")));
        assertThat(secrets).containsKeys("gateway.key-encryption-key", "audit.signing.private-key");
    }

    @Test
    void freshRefusesToWipeADirectoryTheStackDidNotCreate() throws Exception {
        Files.createDirectories(temp.resolve("data"));
        Files.writeString(temp.resolve("data/thesis.txt"), "four years of work");
        assertThatThrownBy(() -> LocalStack.start(options().withFresh(true), out))
                .isInstanceOf(StackStartException.class).hasMessageContaining("did not create");
        assertThat(temp.resolve("data/thesis.txt")).exists();
    }

    private static Connection connect(LocalStack stack) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + stack.postgresPort() + "/echo", "echo",
                "echo");
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
