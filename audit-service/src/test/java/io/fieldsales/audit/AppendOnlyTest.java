package io.fieldsales.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.platform.testing.SharedInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AppendOnlyTest {

    @Inject
    Pool pool;

    @Inject
    AuditTrail trail;

    private final UUID tenant = UUID.randomUUID();

    private Throwable runAsService(String sql) {
        try {
            pool.query(sql).execute().await().atMost(Duration.ofSeconds(10));
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    @Test
    void theServiceRunsItsQueriesAsTheRestrictedWriterRole() {
        String user = pool.query("select current_user").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
        assertThat(user).isEqualTo("audit_writer");
    }

    @Test
    void updateDeleteAndTruncateThroughTheServicesOwnRoleFail() {
        Seed.customer(trail, tenant, "created", UUID.randomUUID().toString(), "{}");
        String where = " where tenant_id = '" + tenant + "'";
        for (String sql : new String[] {"update audit_event set actor_id = 'x'" + where,
                "delete from audit_event" + where, "truncate audit_event",
                "delete from audit_checkpoint" + where, "delete from subject_key" + where,
                "delete from audit_chain_head" + where}) {
            Throwable failure = runAsService(sql);
            assertThat(failure).as(sql).isInstanceOf(PgException.class);
            assertThat(((PgException) failure).getSqlState()).as(sql).isEqualTo("42501"); // insufficient_privilege
        }
        assertThat(Db.count("select count(*) from audit_event" + where)).isEqualTo(1);
    }

    @Test
    void evenTheOwningRoleCannotUpdateOrDeleteRecordsTheTriggerRejectsIt() throws SQLException {
        Seed.customer(trail, tenant, "created", UUID.randomUUID().toString(), "{}");
        String url = "jdbc:postgresql://127.0.0.1:" + SharedInfra.postgresPort() + "/" + SharedInfra.DATABASE;
        try (Connection owner = DriverManager.getConnection(url, SharedInfra.DB_ROLE, SharedInfra.DB_PASSWORD);
             Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_event set actor_id = 'x' where tenant_id = '" + tenant + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_event where tenant_id = '" + tenant + "'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(Db.count("select count(*) from audit_event where tenant_id = ?", tenant)).isEqualTo(1);
    }
}
