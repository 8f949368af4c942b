package io.fieldsales.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17 server run from the binaries packaged by zonky (no Docker, no install).
 * Used by the tests of every service (one server per test JVM) and by the local stack (one server, one
 * database and login role per service).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @param port    the port to listen on, or 0 for a free one
     * @param dataDir where to keep the data across restarts, or null for a throw-away directory
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // Services open pools of their own; the test suites run many concurrent requests.
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", dataDir == null ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDir == null ? "off" : "on")
                .setServerConfig("full_page_writes", dataDir == null ? "off" : "on")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("max_prepared_transactions", "0")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        LOG.infof("Embedded PostgreSQL listening on 127.0.0.1:%d", pg.getPort());
        return new EmbeddedPostgresServer(pg);
    }

    public int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The Vert.x reactive client URL of a database on this server. */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /**
     * Creates, if missing, a login role and a database it owns. Idempotent, so the local stack can call it at
     * every start.
     */
    public void ensureDatabase(String database, String role, String password) throws SQLException {
        requireIdentifier(database);
        requireIdentifier(role);
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create role " + role + " login password '" + password.replace("'", "''") + "'");
                }
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
                try (Statement s = c.createStatement()) {
                    s.execute("create database " + database + " owner " + role);
                }
            }
        }
    }

    /** A superuser connection to a database, for tests that must bypass the application's role. */
    public Connection superuserConnection(String database) throws SQLException {
        return postgres.getDatabase(SUPERUSER, database).getConnection();
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
