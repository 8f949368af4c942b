package io.fieldsales.customer.api;

import static org.hamcrest.Matchers.hasItem;

import io.fieldsales.customer.Db;
import io.fieldsales.customer.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.fieldsales.platform.testing.SharedInfra;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast the duplicates finder and the name search answer in a tenant with many customers (default
 * 100,000; {@code -Dfieldsales.benchmark.customers=1000000} for the million). Figures, not assertions; the
 * one assertion is that the finder still finds the twins among them (it once lost the same-phone twin behind
 * hundreds of middling name matches).
 */
@QuarkusTest
class CustomerDuplicatesBenchmarkTest {

    private final TenantFixture t = new TenantFixture();

    @Test
    void printsDuplicatesFinderLatencyInABigTenant() {
        int customers = Integer.getInteger("fieldsales.benchmark.customers", 100_000);
        long start = System.nanoTime();
        Db.execute("insert into customer (id, tenant_id, name, email, email_canonical, email_local, phone,"
                + " phone_canonical, phone_national, created_by, updated_by)"
                + " select gen_random_uuid(), ?::uuid,"
                + " (array['Spaza','General Store','Traders','Wholesale','Kiosk','Mini Market','Hardware','Butchery'])"
                + "[1 + i % 8] || ' ' || substr(md5(i::text), 1, 7) || ' ' ||"
                + " (array['Nairobi','Lagos','Durban','Accra','Kampala','Soweto'])[1 + i % 6],"
                + " 'c' || i || '@bench.example', 'c' || i || '@bench.example', 'c' || i,"
                + " '+2782' || lpad(i::text, 7, '0'), '+2782' || lpad(i::text, 7, '0'), '82' || lpad(i::text, 7, '0'),"
                + " 'bench', 'bench' from generate_series(1, ?) i", t.tenant.toString(), customers);
        Db.execute("analyze customer");
        double loadSeconds = (System.nanoTime() - start) / 1e9;

        String target = t.create("Mama Ngozi General Store", t.email("mama"), "+254 712 345678");
        String similarName = t.create("Mama Ngozi General Stores", t.email("mama2"), null);
        String samePhoneElsewhere = t.create("Ngozi Provisions", null, "+256 712 345678");

        t.asRep().get("/api/v1/customers/" + target + "/duplicates").then().statusCode(200)
                .body("items.customerId", hasItem(similarName))
                .body("items.customerId", hasItem(samePhoneElsewhere));

        long[] finder = time(30, () -> t.asRep().get("/api/v1/customers/" + target + "/duplicates").then()
                .statusCode(200));
        long[] search = time(30, () -> t.asRep().get("/api/v1/customers?q=Mama%20Ngo&limit=50").then()
                .statusCode(200));
        List<String> plan = explain("explain (analyze, buffers off) select c.id from customer c"
                + " where c.tenant_id = '" + t.tenant + "' and c.status = 'ACTIVE' and c.id <> '" + target + "'"
                + " and (c.name % 'Mama Ngozi General Store' or c.phone_national = '712345678'"
                + " or c.email_local = 'mama' or c.external_ref = 'none')");
        System.out.printf("BENCHMARK customer duplicates: %d customers in one tenant (loaded in %.1f s);"
                        + " GET /duplicates p50 %.1f ms, p95 %.1f ms; GET ?q= prefix search p50 %.1f ms, p95 %.1f ms;"
                        + " candidate query %s%n", customers, loadSeconds, finder[0] / 1e6, finder[1] / 1e6,
                search[0] / 1e6, search[1] / 1e6, plan.get(plan.size() - 1).trim());
        plan.forEach(line -> System.out.println("BENCHMARK   plan: " + line));
    }

    /** The plan of the finder's candidate query, with the similarity threshold the finder sets. */
    private static List<String> explain(String sql) {
        try (Connection c = SharedInfra.superuserConnection(); Statement st = c.createStatement()) {
            st.execute("set pg_trgm.similarity_threshold = 0.45");
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** p50 and p95 in nanoseconds of {@code runs} calls, after two warm-up calls. */
    private static long[] time(int runs, Runnable call) {
        call.run();
        call.run();
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        return new long[] {nanos[runs / 2], nanos[(int) (runs * 0.95)]};
    }
}
