package io.fieldsales.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * The event path measured from the rows' own timestamps: the outbox row's {@code occurred_at} (the writing
 * transaction) and {@code sent_at} (published to Kafka) in the customers database, and the audit trail's
 * {@code occurred_at} and {@code received_at} (stored in the trail) in the audit database.
 */
final class TrailProbe {

    private final LoadTarget target;
    private final UUID tenantId;

    TrailProbe(LoadTarget target, UUID tenantId) {
        this.target = target;
        this.tenantId = tenantId;
    }

    /** Latencies in ms and how many rows they cover. */
    record Latency(long rows, double p50, double p95, double p99, Instant last) {
    }

    /** Transaction -> Kafka for this tenant's outbox rows written since {@code since}. */
    Latency outbox(Instant since) throws SQLException {
        return latency(since, "customers", "select count(*), "
                + pct("sent_at - occurred_at") + ", max(sent_at) from outbox"
                + " where tenant_id = ? and occurred_at >= ? and sent_at is not null");
    }

    /** Commit -> stored in the audit trail for this tenant's customer events since {@code since}. */
    Latency trail(Instant since) throws SQLException {
        return latency(since, "audit", "select count(*), " + pct("received_at - occurred_at") + ", max(received_at)"
                + " from audit_event where tenant_id = ? and occurred_at >= ? and topic = 'customer.events'");
    }

    /** Waits until the trail holds {@code expected} customer events since {@code since}, or {@code timeout}. */
    Latency awaitTrail(Instant since, long expected, Duration timeout) throws SQLException, InterruptedException {
        return await(() -> trail(since), expected, timeout);
    }

    /** Waits until {@code expected} outbox rows since {@code since} were sent, or {@code timeout}. */
    Latency awaitOutbox(Instant since, long expected, Duration timeout) throws SQLException, InterruptedException {
        return await(() -> outbox(since), expected, timeout);
    }

    private interface Query {
        Latency run() throws SQLException;
    }

    private static Latency await(Query query, long expected, Duration timeout)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Latency l;
        do {
            l = query.run();
            if (l.rows() >= expected) {
                return l;
            }
            Thread.sleep(200); // polling a database from a load tool; not a test
        } while (Instant.now().isBefore(deadline));
        return l;
    }

    private static String pct(String interval) {
        String ms = "extract(epoch from (" + interval + ")) * 1000";
        return "percentile_cont(0.5) within group (order by " + ms + "), percentile_cont(0.95) within group (order by "
                + ms + "), percentile_cont(0.99) within group (order by " + ms + ")";
    }

    private Latency latency(Instant since, String database, String sql) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", target.pgSuperuser());
        if (target.pgSuperuserPassword() != null) {
            p.setProperty("password", target.pgSuperuserPassword());
        }
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(database), p);
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, tenantId);
            st.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                Timestamp last = rs.getTimestamp(5);
                return new Latency(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        last == null ? null : last.toInstant());
            }
        }
    }
}
