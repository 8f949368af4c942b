package io.fieldsales.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service running as its own JVM: production profile, configured only through its environment, output in
 * {@code <data>/logs/<service>.log} (the previous run's log kept as {@code .log.1}).
 */
public final class ServiceProcess {

    private final ServiceSpec spec;
    private final Process process;
    private final Path log;
    private final Instant startedAt;
    private volatile Instant readyAt;
    private volatile boolean stopping;

    private ServiceProcess(ServiceSpec spec, Process process, Path log, Instant startedAt) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.startedAt = startedAt;
    }

    /** The environment every service gets, plus what its catalog entry adds. */
    static Map<String, String> environment(ServiceSpec spec, ServiceEnvironment env) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (spec.database() != null) {
            String hostAndDb = "127.0.0.1:" + env.postgresPort() + "/" + spec.database();
            vars.put("DB_REACTIVE_URL", "postgresql://" + hostAndDb);
            vars.put("DB_JDBC_URL", "jdbc:postgresql://" + hostAndDb);
            vars.put("DB_USER", spec.database());
            vars.put("DB_PASSWORD", spec.database());
        }
        vars.put("KAFKA_BOOTSTRAP_SERVERS", env.kafkaBootstrap());
        vars.put("FIELDSALES_JWKS_URL", env.gatewayUrl() + "/.well-known/jwks.json");
        if (env.secrets() != null) {
            vars.put("FIELDSALES_IDEMPOTENCY_KEY", env.secrets().idempotencyFingerprintKey());
        }
        vars.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        vars.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(spec.managementPort()));
        // Reachable from this machine only: the local stack has generated, not secret-grade, credentials.
        vars.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        vars.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        vars.put("QUARKUS_PROFILE", "prod");
        vars.putAll(spec.extraEnv().apply(env));
        return vars;
    }

    /**
     * Starts the service.
     *
     * @param jar the service's quarkus-run.jar (ignored when the spec has its own command)
     */
    static ServiceProcess launch(ServiceSpec spec, Path jar, Map<String, String> environment, Path logDir,
            List<String> javaOptions) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(spec.name() + ".log");
        if (Files.exists(log)) {
            Files.move(log, logDir.resolve(spec.name() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        if (spec.command().isEmpty()) {
            command.add(javaExecutable());
            command.addAll(javaOptions);
            command.add("-jar");
            command.add(jar.toString());
        } else {
            spec.command().forEach(c -> command.add(c.replace("{port}", Integer.toString(spec.port()))));
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(log.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(environment);
        Instant started = Instant.now();
        Process p = pb.start();
        return new ServiceProcess(spec, p, log, started);
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Whether /q/health/ready on the management port answers 200 now (records when it first did). */
    boolean checkReady(HttpClient http) throws InterruptedException {
        if (readyAt != null) {
            return true;
        }
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                readyAt = Instant.now();
                return true;
            }
        } catch (IOException e) {
            // not listening yet
        }
        return false;
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL if it is still running after the grace period. */
    void stop(Duration grace) {
        stopping = true;
        ProcessRecords.terminate(process.toHandle(), grace);
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or the kernel's OOM killer would; returns once it is gone. */
    void kill() throws InterruptedException {
        stopping = true;
        process.destroyForcibly();
        process.waitFor();
    }

    /** The last lines of the service's log. */
    List<String> tail(int lines) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            long from = Math.max(0, length - 64 * 1024);
            f.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            f.readFully(bytes);
            Deque<String> last = new ArrayDeque<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return List.copyOf(last);
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /** A report of the service's death, for a person: its name, exit code and the end of its log. */
    String crashReport(String when) {
        StringBuilder sb = new StringBuilder();
        sb.append(spec.name()).append(" exited with code ").append(exitCode()).append(' ').append(when)
                .append(". Last lines of ").append(log).append(':').append(System.lineSeparator());
        tail(40).forEach(l -> sb.append("    | ").append(l).append(System.lineSeparator()));
        return sb.toString();
    }

    private String exitCode() {
        try {
            return Integer.toString(process.exitValue());
        } catch (IllegalThreadStateException e) {
            return "?";
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public String url() {
        return "http://127.0.0.1:" + spec.port();
    }

    /** Base URL of its management interface: health, metrics, OpenAPI (the API port serves nothing of /q/). */
    public String managementUrl() {
        return "http://127.0.0.1:" + spec.managementPort();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    boolean isStopping() {
        return stopping;
    }

    /** Start to ready, once ready. */
    public Duration startupTime() {
        return readyAt == null ? null : Duration.between(startedAt, readyAt);
    }
}
