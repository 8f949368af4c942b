package io.fieldsales.platform.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar} of the module under test) run as its own process,
 * as a pod runs it, with the test profile against this JVM's shared PostgreSQL and Kafka and the test token keys:
 * for the tests that must signal the process (SIGTERM at a rollout), which {@code @QuarkusIntegrationTest} cannot.
 *
 * <pre>{@code
 * try (PackagedService service = PackagedService.withProperty("quarkus.shutdown.timeout", "30s").start()) {
 *     service.awaitReady(Duration.ofMinutes(2));
 *     ... service.apiUrl() ...
 *     service.sigterm();
 *     service.awaitExit(Duration.ofSeconds(45));
 * }
 * }</pre>
 */
public final class PackagedService implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;
    private Instant sigterm;

    private PackagedService(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** A launcher with the shared infrastructure's datasource, Kafka and token-key properties. */
    public static Builder builder() {
        return new Builder();
    }

    /** Shorthand for {@code builder().property(key, value)}. */
    public static Builder withProperty(String key, String value) {
        return builder().property(key, value);
    }

    /** Configures and starts one process. */
    public static final class Builder {
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Path jar = Path.of("target/quarkus-app/quarkus-run.jar");

        private Builder() {
            String db = "127.0.0.1:" + SharedInfra.postgresPort() + "/" + SharedInfra.DATABASE;
            properties.put("quarkus.profile", "test");
            properties.put("quarkus.datasource.reactive.url", "postgresql://" + db);
            properties.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + db);
            properties.put("quarkus.datasource.username", SharedInfra.DB_ROLE);
            properties.put("quarkus.datasource.password", SharedInfra.DB_PASSWORD);
            properties.put("kafka.bootstrap.servers", SharedInfra.kafkaBootstrap());
            properties.put("mp.jwt.verify.publickey.location", TestTokens.jwksFile().toString());
        }

        /** A system property of the service (overrides the defaults above). */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** Another packaged jar than the current module's {@code target/quarkus-app/quarkus-run.jar}. */
        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        /** Starts the service on free API and management ports; {@link #awaitReady} waits for it. */
        public PackagedService start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar.toAbsolutePath() + " does not exist: package the service first"
                        + " (the *IT tests run in ./mvnw verify, after package)");
            }
            try {
                int port = freePort();
                int management = freePort();
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:+UseSerialGC",
                        "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + management));
                properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
                command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
                Path log = Files.createTempFile("packaged-service", ".log");
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                        .start();
                return new PackagedService(process, log, port, management);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Waits until readiness answers 200; fails at once, with the log, if the process dies meanwhile. */
    public PackagedService awaitReady(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the service died (exit " + process.exitValue() + "): " + log());
            }
            return readiness() == 200;
        });
        return this;
    }

    /** Status of the readiness check, or 0 while nothing answers on the management port. */
    public int readiness() {
        try {
            return ManagementSurface.status(managementUrl(), "/q/health/ready");
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    /** {@code http://127.0.0.1:<port>}: the API port. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<management port>}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Sends SIGTERM, as Kubernetes does at a rollout (and the local stack at Ctrl-C). */
    public void sigterm() {
        sigterm = Instant.now();
        process.destroy();
    }

    /**
     * Waits for the process to exit after {@link #sigterm()} and returns how long it took from the signal; fails if
     * it outlives {@code gracePeriod} (the pod would be killed) or exits with anything but a clean status.
     */
    public Duration awaitExit(Duration gracePeriod) throws InterruptedException {
        if (sigterm == null) {
            throw new IllegalStateException("sigterm() first");
        }
        long left = gracePeriod.toMillis() - Duration.between(sigterm, Instant.now()).toMillis();
        if (!process.waitFor(Math.max(left, 0), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running " + gracePeriod + " after SIGTERM; log: " + log());
        }
        Duration took = Duration.between(sigterm, Instant.now());
        int exit = process.exitValue();
        // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and reports the signal
        if (exit != 0 && exit != 143) {
            throw new AssertionError("exit status " + exit + " after SIGTERM; log: " + log());
        }
        return took;
    }

    /** What the service logged so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Kills the process if it still runs and deletes its log. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temp file
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
