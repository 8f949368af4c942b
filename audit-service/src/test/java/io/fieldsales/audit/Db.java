package io.fieldsales.audit;

import io.fieldsales.platform.testing.SharedInfra;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads through the superuser connection, for assertions on the database's final state. */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... params) {
        try (Connection c = SharedInfra.superuserConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Long> sequences(UUID tenant) {
        try (Connection c = SharedInfra.superuserConnection();
             PreparedStatement ps = c.prepareStatement("select sequence from audit_event where tenant_id = ? order by sequence")) {
            ps.setObject(1, tenant);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static int execute(String sql, Object... params) {
        try (Connection c = SharedInfra.superuserConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements as superuser with triggers off (session_replication_role = replica): a tamperer's view. */
    public static void tamper(String... statements) {
        try (Connection c = SharedInfra.superuserConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql, Object... params) {
        try (Connection c = SharedInfra.superuserConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
