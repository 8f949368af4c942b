package io.fieldsales.gateway.repository;

import io.fieldsales.gateway.domain.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Platform users (no tenant), on plain JDBC: read and written only at start-up, before the gateway serves. */
@ApplicationScoped
public class PlatformAdmins {

    @Inject
    DataSource dataSource;

    public boolean anyExists() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select 1 from app_user where tenant_id is null limit 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** Creates the platform admin unless a platform user with that name exists; true if it was created. */
    public boolean create(String username, String passwordHash) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into app_user (id, tenant_id, username,"
                        + " password_hash, roles) values (?, null, ?, ?, array['" + Roles.PLATFORM_ADMIN + "'])"
                        + " on conflict (username) where tenant_id is null do nothing")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, username);
            insert.setString(3, passwordHash);
            return insert.executeUpdate() == 1;
        }
    }
}
