package io.fieldsales.customer.api;

import static org.hamcrest.Matchers.hasItem;

import io.fieldsales.customer.Db;
import io.fieldsales.customer.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.fieldsales.platform.testing.SharedInfra;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast the duplicates finder, the name search and a create (with its near-duplicate name probe) answer in
 * a tenant with many customers (default 100,000; {@code -Dfieldsales.benchmark.customers=1000} and
 * {@code =1000000} for the comparison), and the create's name probe before (trigram) and after (blocking
 * keys) side by side with the share of the old probe's matches the new one finds. Figures, not assertions; the
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
        Db.execute("vacuum analyze customer_name_key");
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

        // The write path: a create runs the near-duplicate name probe (blocking keys, V2) in its transaction.
        int[] seq = {0};
        long[] create = time(30, () -> t.createResponse(newShopName(seq[0]), t.email("new" + seq[0]++), null)
                .statusCode(201));
        System.out.printf("BENCHMARK customer create: %d customers in one tenant; POST /customers p50 %.1f ms,"
                + " p95 %.1f ms%n", customers, create[0] / 1e6, create[1] / 1e6);
        compareNameProbes(customers);
    }

    /** A name of a new shop, unlike any of the loaded ones. */
    private static String newShopName(int i) {
        String[] first = {"Mama", "Baba", "Sister", "Uncle", "Auntie", "Brother"};
        String[] second = {"Ngozi", "Thabo", "Wanjiru", "Kofi", "Amara", "Sipho", "Zanele", "Kwame"};
        return first[i % first.length] + " " + second[(i / first.length) % second.length] + " " + (1000 + i)
                + " General Store";
    }

    private static final String TRIGRAM_PROBE = "select id, similarity(name, ?) as score from customer"
            + " where tenant_id = ?::uuid and name % ? and status = 'ACTIVE' and similarity(name, ?) >= 0.6"
            + " order by score desc, id limit 5";
    private static final String KEY_PROBE = "select c.id, similarity(c.name, ?) as score from customer c"
            + " where c.id in (select k.customer_id from unnest(customer_name_keys(?)) as q(name_key)"
            + "   join customer_name_key k on k.tenant_id = ?::uuid and k.name_key = q.name_key)"
            + " and c.tenant_id = ?::uuid and c.status = 'ACTIVE' and similarity(c.name, ?) >= 0.6"
            + " order by score desc, c.id limit 5";

    /**
     * The create's name probe before (GIN trigram {@code %}, threshold 0.6) and after (blocking keys), on the same
     * names: each one's p50, and how many of the old probe's matches the new one also finds ("recall") for near
     * twins of loaded names (a letter added, changed or dropped, a word added).
     */
    private void compareNameProbes(int customers) {
        try (Connection c = SharedInfra.superuserConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("set pg_trgm.similarity_threshold = 0.6");
            }
            List<String> names = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select name, id from customer where tenant_id = ?::uuid"
                    + " and status = 'ACTIVE' order by md5(id::text) limit 40")) {
                ps.setString(1, t.tenant.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                        sources.add(rs.getString(2));
                    }
                }
            }
            List<String> twins = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                twins.add(switch (i % 4) {
                    case 0 -> n + "s";
                    case 1 -> n.substring(0, n.length() - 1) + "x";
                    case 2 -> n.substring(0, n.length() / 2) + n.substring(n.length() / 2 + 1);
                    default -> "The " + n;
                });
            }
            long[] oldNanos = new long[twins.size()];
            long[] newNanos = new long[twins.size()];
            int oldFound = 0;
            int alsoFound = 0;
            int twinByOld = 0;
            int twinByNew = 0;
            for (int i = 0; i < twins.size(); i++) {
                String name = twins.get(i);
                long s = System.nanoTime();
                Set<String> before = ids(c, TRIGRAM_PROBE, name, t.tenant.toString(), name, name);
                oldNanos[i] = System.nanoTime() - s;
                s = System.nanoTime();
                Set<String> after = ids(c, KEY_PROBE, name, name, t.tenant.toString(), t.tenant.toString(), name);
                newNanos[i] = System.nanoTime() - s;
                oldFound += before.size();
                twinByOld += before.contains(sources.get(i)) ? 1 : 0;
                twinByNew += after.contains(sources.get(i)) ? 1 : 0;
                before.retainAll(after);
                alsoFound += before.size();
            }
            Arrays.sort(oldNanos);
            Arrays.sort(newNanos);
            System.out.printf("BENCHMARK customer name probe: %d customers; near twins of %d loaded names:"
                            + " trigram %% probe p50 %.2f ms, max %.2f ms; blocking-key probe p50 %.2f ms, max %.2f ms;"
                            + " the name each twin was made from: found by the trigram probe %d times, by the key probe %d"
                            + " times; of all the trigram probe's matches (top 5, look-alikes included) the key probe"
                            + " found %d of %d%n", customers,
                    twins.size(), oldNanos[twins.size() / 2] / 1e6, oldNanos[twins.size() - 1] / 1e6,
                    newNanos[twins.size() / 2] / 1e6, newNanos[twins.size() - 1] / 1e6, twinByOld, twinByNew,
                    alsoFound, oldFound);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> ids(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
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
