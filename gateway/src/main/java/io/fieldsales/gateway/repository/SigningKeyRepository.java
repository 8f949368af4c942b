package io.fieldsales.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The {@code signing_key} table: JDBC at startup (before the app serves), the reactive client afterwards. */
@ApplicationScoped
public class SigningKeyRepository {

    /** Any constant shared by every gateway replica of one database. */
    private static final long ROTATION_LOCK = 0x676174656b6579L;
    private static final String COLUMNS = "kid, public_jwk, private_key_enc, created_at, activates_at, retired_at";

    @Inject
    Pool pool;

    @Inject
    DataSource dataSource;

    public record StoredKey(String kid, String publicJwk, byte[] privateKeyEnc, Instant createdAt,
            Instant activatesAt, Instant retiredAt) {
    }

    public record NewKey(String kid, String publicJwk, byte[] privateKeyEnc) {
    }

    public List<StoredKey> loadAllBlocking() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from signing_key");
                ResultSet rs = ps.executeQuery()) {
            List<StoredKey> keys = new ArrayList<>();
            while (rs.next()) {
                Timestamp retired = rs.getTimestamp(6);
                keys.add(new StoredKey(rs.getString(1), rs.getString(2), rs.getBytes(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                        retired == null ? null : retired.toInstant()));
            }
            return keys;
        }
    }

    /** Stores the first key unless some replica already did (under a lock, at startup). */
    public void insertFirstBlocking(NewKey key) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)");
                    PreparedStatement insert = c.prepareStatement("insert into signing_key (kid, public_jwk,"
                            + " private_key_enc, activates_at) select ?, ?, ?, now()"
                            + " where not exists (select 1 from signing_key where retired_at is null)")) {
                lock.setLong(1, ROTATION_LOCK);
                lock.execute();
                insert.setString(1, key.kid());
                insert.setString(2, key.publicJwk());
                insert.setBytes(3, key.privateKeyEnc());
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Uni<List<StoredKey>> loadAll() {
        return pool.query("select " + COLUMNS + " from signing_key").execute().map(rows -> {
            List<StoredKey> keys = new ArrayList<>();
            for (Row r : rows) {
                keys.add(new StoredKey(r.getString(0), r.getString(1), r.getBuffer(2).getBytes(),
                        r.getOffsetDateTime(3).toInstant(), r.getOffsetDateTime(4).toInstant(),
                        r.getOffsetDateTime(5) == null ? null : r.getOffsetDateTime(5).toInstant()));
            }
            return keys;
        });
    }

    /**
     * Adds a key that signs from {@code now + activationDelay}. With {@code unlessNewerThan}, only when no key was
     * created within that period (scheduled rotation run by several replicas at once makes one key).
     */
    public Uni<Boolean> insert(NewKey key, Duration activationDelay, Duration unlessNewerThan) {
        String guard = unlessNewerThan == null ? ""
                : " where not exists (select 1 from signing_key where retired_at is null"
                        + " and created_at > now() - make_interval(secs => $5))";
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_advisory_xact_lock($1)")
                .execute(Tuple.of(ROTATION_LOCK))
                .chain(() -> conn.preparedQuery("insert into signing_key (kid, public_jwk, private_key_enc,"
                                + " activates_at) select $1, $2, $3, now() + make_interval(secs => $4)" + guard)
                        .execute(unlessNewerThan == null
                                ? Tuple.of(key.kid(), key.publicJwk(),
                                        io.vertx.core.buffer.Buffer.buffer(key.privateKeyEnc()),
                                        (double) activationDelay.toMillis() / 1000.0)
                                : Tuple.of(key.kid(), key.publicJwk(),
                                        io.vertx.core.buffer.Buffer.buffer(key.privateKeyEnc()),
                                        (double) activationDelay.toMillis() / 1000.0,
                                        (double) unlessNewerThan.toSeconds())))
                .map(rows -> rows.rowCount() == 1));
    }
}
