package io.fieldsales.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to run the stack. {@link #fromCommandLine} reads the flags of deploy/local/run and the environment:
 *
 * <pre>
 * --fresh                        wipe the data directory (databases, Kafka log, secrets, logs) first
 * --demo-data                    load the demo tenant through the gateway's API once the stack is ready
 * FIELDSALES_LOCAL_DATA_DIR      data directory (default deploy/local/.data)
 * FIELDSALES_LOCAL_POSTGRES_PORT 55432;  FIELDSALES_LOCAL_KAFKA_PORT 59092 (its KRaft controller: the next port)
 * FIELDSALES_LOCAL_PORT_GATEWAY  8080, and _CUSTOMER_SERVICE 8081, _ORDER_SERVICE 8082, _CASH_SERVICE 8083,
 *                                _AUDIT_SERVICE 8084 (0 anywhere: a free port)
 * FIELDSALES_LOCAL_MANAGEMENT_PORT_GATEWAY ... the management interfaces (default: the HTTP port + 920, 9000...)
 * FIELDSALES_LOCAL_JAVA_OPTS     JVM options of each service (default -Xmx256m -XX:+UseSerialGC ...)
 * FIELDSALES_LOCAL_READY_TIMEOUT seconds to wait for every service to be ready (default 180)
 * FIELDSALES_LOCAL_MODULE_ROOTS  colon-separated repository roots searched for each service's built jar
 *                                (default: this repository)
 * </pre>
 */
public record StackOptions(Path repoRoot, List<Path> moduleRoots, Path dataDir, int postgresPort, int kafkaPort,
        int kafkaControllerPort, List<ServiceSpec> services, boolean fresh, boolean demoData,
        Duration readinessTimeout, List<String> javaOptions, Map<String, String> environment) {

    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of(
            // A small initial heap: the JVM's default (1/64 of the machine's memory) would be resident for nothing.
            "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8");

    public StackOptions {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        moduleRoots = List.copyOf(moduleRoots);
        dataDir = dataDir.toAbsolutePath().normalize();
        services = List.copyOf(services);
        javaOptions = List.copyOf(javaOptions);
        environment = Map.copyOf(environment);
    }

    /** The documented defaults: fixed ports, data under deploy/local/.data, every service of the suite. */
    public static StackOptions defaults(Path repoRoot, Map<String, String> environment) {
        return new StackOptions(repoRoot, List.of(repoRoot), repoRoot.resolve("deploy/local/.data"), 55432, 59092,
                59093, ServiceCatalog.suite(), false, false, Duration.ofSeconds(180), DEFAULT_JAVA_OPTIONS,
                environment);
    }

    public static StackOptions fromCommandLine(String[] args, Path repoRoot, Map<String, String> env) {
        StackOptions o = defaults(repoRoot, env);
        for (String arg : args) {
            switch (arg) {
                case "--fresh" -> o = o.withFresh(true);
                case "--demo-data" -> o = o.withDemoData(true);
                default -> throw new IllegalArgumentException("Unknown option " + arg
                        + " (deploy/local/run [--fresh] [--demo-data])");
            }
        }
        if (env.containsKey("FIELDSALES_LOCAL_DATA_DIR")) {
            o = o.withDataDir(Path.of(env.get("FIELDSALES_LOCAL_DATA_DIR")));
        }
        int pg = intEnv(env, "FIELDSALES_LOCAL_POSTGRES_PORT", o.postgresPort);
        int kafka = intEnv(env, "FIELDSALES_LOCAL_KAFKA_PORT", o.kafkaPort);
        o = o.withInfrastructurePorts(pg, kafka, kafka == 0 ? 0 : kafka + 1);
        List<ServiceSpec> services = new ArrayList<>();
        for (ServiceSpec s : o.services) {
            ServiceSpec moved = s.withPort(intEnv(env, "FIELDSALES_LOCAL_PORT_" + envName(s.name()), s.port()));
            services.add(moved.withManagementPort(intEnv(env, "FIELDSALES_LOCAL_MANAGEMENT_PORT_" + envName(s.name()),
                    moved.managementPort())));
        }
        o = o.withServices(services);
        if (env.containsKey("FIELDSALES_LOCAL_JAVA_OPTS")) {
            o = o.withJavaOptions(Arrays.asList(env.get("FIELDSALES_LOCAL_JAVA_OPTS").trim().split("\\s+")));
        }
        if (env.containsKey("FIELDSALES_LOCAL_READY_TIMEOUT")) {
            o = o.withReadinessTimeout(Duration.ofSeconds(intEnv(env, "FIELDSALES_LOCAL_READY_TIMEOUT", 180)));
        }
        if (env.containsKey("FIELDSALES_LOCAL_MODULE_ROOTS")) {
            o = o.withModuleRoots(Arrays.stream(env.get("FIELDSALES_LOCAL_MODULE_ROOTS").split(":"))
                    .filter(s -> !s.isBlank()).map(Path::of).toList());
        }
        return o;
    }

    static String envName(String serviceName) {
        return serviceName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static int intEnv(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not " + v);
        }
    }

    public StackOptions withFresh(boolean value) {
        return new StackOptions(repoRoot, moduleRoots, dataDir, postgresPort, kafkaPort, kafkaControllerPort,
                services, value, demoData, readinessTimeout, javaOptions, environment);
    }

    public StackOptions withDemoData(boolean value) {
        return new StackOptions(repoRoot, moduleRoots, dataDir, postgresPort, kafkaPort, kafkaControllerPort,
                services, fresh, value, readinessTimeout, javaOptions, environment);
    }

    public StackOptions withDataDir(Path value) {
        return new StackOptions(repoRoot, moduleRoots, value, postgresPort, kafkaPort, kafkaControllerPort,
                services, fresh, demoData, readinessTimeout, javaOptions, environment);
    }

    public StackOptions withModuleRoots(List<Path> value) {
        return new StackOptions(repoRoot, value, dataDir, postgresPort, kafkaPort, kafkaControllerPort,
                services, fresh, demoData, readinessTimeout, javaOptions, environment);
    }

    public StackOptions withInfrastructurePorts(int postgres, int kafka, int kafkaController) {
        return new StackOptions(repoRoot, moduleRoots, dataDir, postgres, kafka, kafkaController,
                services, fresh, demoData, readinessTimeout, javaOptions, environment);
    }

    public StackOptions withServices(List<ServiceSpec> value) {
        return new StackOptions(repoRoot, moduleRoots, dataDir, postgresPort, kafkaPort, kafkaControllerPort,
                value, fresh, demoData, readinessTimeout, javaOptions, environment);
    }

    /** Every port 0: free ports chosen at start, so a test never clashes with a developer's running stack. */
    public StackOptions withFreePorts() {
        return withInfrastructurePorts(0, 0, 0).withServices(services.stream().map(s -> s.withPort(0).withManagementPort(0))
                .toList());
    }

    public StackOptions withReadinessTimeout(Duration value) {
        return new StackOptions(repoRoot, moduleRoots, dataDir, postgresPort, kafkaPort, kafkaControllerPort,
                services, fresh, demoData, value, javaOptions, environment);
    }

    public StackOptions withJavaOptions(List<String> value) {
        return new StackOptions(repoRoot, moduleRoots, dataDir, postgresPort, kafkaPort, kafkaControllerPort,
                services, fresh, demoData, readinessTimeout, value, environment);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }
}
