package io.fieldsales.customer.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.domain.CustomerStatus;
import io.fieldsales.platform.embedded.EmbeddedPostgresServer;
import io.fieldsales.platform.testing.SharedInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tenant's customer list and search read that tenant's rows only, whatever tenants came before it. Ids are
 * UUIDv7, so a tenant created after another has all its customers after the other's in the primary key; with
 * {@code tenant_id = $1 ... order by id} PostgreSQL walked the primary key and filtered the tenant (5,000 rows
 * removed to find 21 here, 16,903 on the load stack). Checked with {@code EXPLAIN ANALYZE} of {@link
 * CustomerReads#pageStatement}'s statement, with the plan a cached statement ends up with (generic) and a fresh
 * one's (custom), on a database of its own (two tenants, as on a young installation; the shared test database holds
 * many small tenants, which hide the case).
 */
class CustomerPagePlanTest {

    private static final UUID OLD_TENANT = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID NEW_TENANT = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final int OLD_ROWS = 5_000;
    private static final int NEW_ROWS = 1_000;
    private static final String DATABASE = "page_plan_" + Long.toHexString(System.nanoTime());

    @BeforeAll
    static void twoTenantsTheNewOneAfter() throws SQLException {
        try (Connection c = SharedInfra.superuserConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + DATABASE);
        }
        Flyway.configure().dataSource(url(), EmbeddedPostgresServer.SUPERUSER, EmbeddedPostgresServer.SUPERUSER)
                .locations("classpath:db/migration").load().migrate();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica"); // no name keys: only the customer rows matter
            s.execute(insert(OLD_TENANT, "1 day", OLD_ROWS, "Shop", "old.example"));
            s.execute(insert(NEW_TENANT, "0 s", NEW_ROWS, "Store", "new.example"));
            s.execute("analyze customer");
        }
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        try (Connection c = SharedInfra.superuserConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"force_generic_plan", "force_custom_plan"})
    void theFirstPageReadsAPageOfRows(String planCacheMode) throws Exception {
        CustomerListQuery q = new CustomerListQuery(NEW_TENANT, Set.of(CustomerStatus.ACTIVE), null, null, null, null,
                20);
        Plan plan = explain(q, planCacheMode);
        assertThat(plan.returned()).isEqualTo(21);
        assertThat(plan.rowsRead()).as(plan.text()).isLessThanOrEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"force_generic_plan", "force_custom_plan"})
    void aSearchReadsNoOtherTenantsRows(String planCacheMode) throws Exception {
        CustomerListQuery nothing = new CustomerListQuery(NEW_TENANT, Set.of(CustomerStatus.ACTIVE), "zzqq", null,
                null, null, 20);
        Plan none = explain(nothing, planCacheMode);
        assertThat(none.returned()).isZero();
        assertThat(none.rowsRead()).as(none.text()).isLessThanOrEqualTo(NEW_ROWS);

        CustomerListQuery common = new CustomerListQuery(NEW_TENANT, Set.of(CustomerStatus.ACTIVE), "store", null,
                null, null, 20);
        Plan some = explain(common, planCacheMode);
        assertThat(some.returned()).isEqualTo(21);
        assertThat(some.rowsRead()).as(some.text()).isLessThanOrEqualTo(NEW_ROWS);
    }

    /** What the plan returned and how many rows its scans read (bitmap index entries counted at the heap scan). */
    record Plan(long returned, long rowsRead, String text) {
    }

    private static Plan explain(CustomerListQuery q, String planCacheMode) throws Exception {
        CustomerReads.Statement statement = CustomerReads.pageStatement(q);
        String arguments = statement.params().stream().map(CustomerPagePlanTest::literal)
                .collect(Collectors.joining(", "));
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("set plan_cache_mode = " + planCacheMode);
            s.execute("prepare page as " + statement.sql());
            try (ResultSet rs = s.executeQuery("explain (analyze, format json) execute page(" + arguments + ")")) {
                rs.next();
                JsonNode root = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
                return new Plan(root.get("Actual Rows").asLong(), rowsRead(root), root.toPrettyString());
            }
        }
    }

    private static long rowsRead(JsonNode node) {
        long read = 0;
        String type = node.get("Node Type").asText();
        if (type.endsWith("Scan") && !type.equals("Bitmap Index Scan")) {
            read += node.get("Actual Rows").asLong() * node.path("Actual Loops").asLong(1)
                    + node.path("Rows Removed by Filter").asLong(0)
                    + node.path("Rows Removed by Index Recheck").asLong(0);
        }
        for (JsonNode child : node.path("Plans")) {
            read += rowsRead(child);
        }
        return read;
    }

    private static String literal(Object value) {
        if (value instanceof Integer i) {
            return i.toString();
        }
        String text = value instanceof String[] array ? "{" + String.join(",", List.of(array)) + "}" : value.toString();
        return "'" + text.replace("'", "''") + "'";
    }

    /** UUIDv7-shaped ids from {@code ago} before now on, one millisecond apart, as the service's would be. */
    private static String insert(UUID tenant, String ago, int rows, String name, String domain) {
        return "insert into customer (id, tenant_id, name, email, email_canonical, created_by, updated_by)"
                + " select (lpad(to_hex(floor(extract(epoch from now() - interval '" + ago + "') * 1000)::bigint + g),"
                + " 12, '0') || '7000' || lpad(to_hex(g), 16, '0'))::uuid, '" + tenant + "', '" + name + " ' || md5(g::text),"
                + " 'c' || g || '@" + domain + "', 'c' || g || '@" + domain + "', 'test', 'test'"
                + " from generate_series(1, " + rows + ") g";
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:" + SharedInfra.postgresPort() + "/" + DATABASE;
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(url(), EmbeddedPostgresServer.SUPERUSER, EmbeddedPostgresServer.SUPERUSER);
    }
}
