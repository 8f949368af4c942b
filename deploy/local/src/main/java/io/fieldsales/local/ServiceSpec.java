package io.fieldsales.local;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One service of the local stack: where its module lives, its documented port, its database, what it needs beyond
 * the environment every service gets (see {@link ServiceEnvironment}).
 *
 * @param name        the service's name (log file, progress lines)
 * @param moduleDir   its Maven module, relative to a repository root; the stack runs
 *                    {@code <moduleDir>/target/quarkus-app/quarkus-run.jar}
 * @param port        its documented HTTP port
 * @param database    its database, also the name (and, local stack only, password) of its login role
 * @param upstreamKey the gateway's name for it ({@code fieldsales.gateway.upstreams.<key>.url}), or null
 * @param setupSql    statements run as the database superuser in its database after it is created (idempotent),
 *                    what a DBA would do once in production
 * @param extraEnv    environment variables beyond the common ones, computed from the running stack
 * @param command     a command to run instead of the Quarkus jar (tests); empty for the jar
 * @param managementPort the port of its management interface (health, metrics, OpenAPI): by default
 *                    {@value #MANAGEMENT_PORT_OFFSET} above its HTTP port (gateway 9000, customer-service 9001...), a
 *                    free one when the HTTP port is 0
 */
public record ServiceSpec(String name, String moduleDir, int port, String database, String upstreamKey,
        List<String> setupSql, Function<ServiceEnvironment, Map<String, String>> extraEnv, List<String> command,
        int managementPort) {

    /** 8080 + 920 = 9000: each service's management port is its API port's counterpart in the 9000s. */
    public static final int MANAGEMENT_PORT_OFFSET = 920;

    public ServiceSpec(String name, String moduleDir, int port, String database, String upstreamKey,
            List<String> setupSql, Function<ServiceEnvironment, Map<String, String>> extraEnv, List<String> command) {
        this(name, moduleDir, port, database, upstreamKey, setupSql, extraEnv, command,
                port == 0 ? 0 : port + MANAGEMENT_PORT_OFFSET);
    }

    public ServiceSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(moduleDir);
        setupSql = List.copyOf(setupSql);
        extraEnv = extraEnv == null ? env -> Map.of() : extraEnv;
        command = List.copyOf(command);
    }

    /** A Quarkus service run from its fast-jar. */
    public static ServiceSpec quarkus(String name, int port, String database, String upstreamKey) {
        return new ServiceSpec(name, name, port, database, upstreamKey, List.of(), null, List.of());
    }

    public ServiceSpec withSetupSql(String... statements) {
        return new ServiceSpec(name, moduleDir, port, database, upstreamKey, List.of(statements), extraEnv, command,
                managementPort);
    }

    public ServiceSpec withEnv(Function<ServiceEnvironment, Map<String, String>> env) {
        return new ServiceSpec(name, moduleDir, port, database, upstreamKey, setupSql, env, command, managementPort);
    }

    /** The HTTP port; the management port follows it when it was derived from it (0 stays 0: a free port). */
    public ServiceSpec withPort(int newPort) {
        int management = newPort == 0 ? 0 : managementPort == port + MANAGEMENT_PORT_OFFSET || managementPort == 0
                ? newPort + MANAGEMENT_PORT_OFFSET : managementPort;
        return new ServiceSpec(name, moduleDir, newPort, database, upstreamKey, setupSql, extraEnv, command,
                management);
    }

    public ServiceSpec withManagementPort(int newPort) {
        return new ServiceSpec(name, moduleDir, port, database, upstreamKey, setupSql, extraEnv, command, newPort);
    }

    /** Runs {@code command} (with {@code {port}} replaced by the port) instead of the module's jar. */
    public ServiceSpec withCommand(List<String> newCommand) {
        return new ServiceSpec(name, moduleDir, port, database, upstreamKey, setupSql, extraEnv, newCommand,
                managementPort);
    }

    public boolean isGateway() {
        return "gateway".equals(name);
    }
}
