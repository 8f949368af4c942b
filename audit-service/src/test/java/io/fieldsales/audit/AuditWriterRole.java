package io.fieldsales.audit;

import io.fieldsales.platform.testing.SharedInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * Plays the DBA's one-time step before the service's first migration (see README "Database roles"): the
 * restricted role audit_writer exists and the service's login role (app, the database owner) may switch to it.
 */
public class AuditWriterRole implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedInfra.postgresPort();
        try (Connection c = SharedInfra.superuserConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'audit_writer') then"
                    + " create role audit_writer nologin; end if; end $$");
            s.execute("grant audit_writer to " + SharedInfra.DB_ROLE);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the audit_writer role", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
