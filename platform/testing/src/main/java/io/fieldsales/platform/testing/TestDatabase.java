package io.fieldsales.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the test database directly as the superuser: tests assert on the database's final state
 * (after concurrent requests, after a rollback) and play tamperers. A service's tests may extend it to add
 * helpers of their own ({@code final class Db extends TestDatabase}).
 */
public class TestDatabase {

    protected TestDatabase() {
    }

    /** The first column of the first row as a number, e.g. a count. */
    public static long count(String sql, Object... params) {
        List<Long> values = longs(sql, params);
        if (values.isEmpty()) {
            throw new IllegalStateException("No row from: " + sql);
        }
        return values.get(0);
    }

    /** The first column of every row, as numbers. */
    public static List<Long> longs(String sql, Object... params) {
        return query(sql, params, rs -> rs.getLong(1));
    }

    /** The first column of every row, as text. */
    public static List<String> strings(String sql, Object... params) {
        return query(sql, params, rs -> rs.getString(1));
    }

    /** The first column of the first row as text, or null if there is no row. */
    public static String text(String sql, Object... params) {
        List<String> values = strings(sql, params);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Runs a statement and returns the number of rows it changed. */
    public static int execute(String sql, Object... params) {
        try (Connection c = SharedInfra.superuserConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements with triggers off ({@code session_replication_role = replica}): a tamperer's view. */
    public static void tamper(String... statements) {
        try (Connection c = SharedInfra.superuserConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(String sql, Object[] params, Column<T> column) {
        try (Connection c = SharedInfra.superuserConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(column.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
