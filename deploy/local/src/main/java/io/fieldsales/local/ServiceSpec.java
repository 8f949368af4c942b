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
 */
public record ServiceSpec(String name, String moduleDir, int port, String database, String upstreamKey,
        List<String> setupSql, Function<ServiceEnvironment, Map<String, String>> extraEnv, List<String> command) {

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
        return new ServiceSpec(name, moduleDir, port, database, upstreamKey, List.of(statements), extraEnv, command);
    }

    public ServiceSpec withEnv(Function<ServiceEnvironment, Map<String, String>> env) {
        return new ServiceSpec(name, moduleDir, port, database, upstreamKey, setupSql, env, command);
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, moduleDir, newPort, database, upstreamKey, setupSql, extraEnv, command);
    }

    /** Runs {@code command} (with {@code {port}} replaced by the port) instead of the module's jar. */
    public ServiceSpec withCommand(List<String> newCommand) {
        return new ServiceSpec(name, moduleDir, port, database, upstreamKey, setupSql, extraEnv, newCommand);
    }

    public boolean isGateway() {
        return "gateway".equals(name);
    }
}
