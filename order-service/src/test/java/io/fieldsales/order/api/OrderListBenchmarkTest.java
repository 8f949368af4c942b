package io.fieldsales.order.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.order.Db;
import io.fieldsales.order.repository.OrderRepository;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A tenant with many orders (1,000,000 by default; -Dorders.benchmark.rows=...) lists and filters with index
 * scans: EXPLAIN of the exact SQL the repository builds, for each filter.
 */
@QuarkusTest
class OrderListBenchmarkTest {

    private static final int ROWS = Integer.getInteger("orders.benchmark.rows", 1_000_000);

    @Test
    void listsAndFiltersUseIndexScansAtScale() {
        UUID tenant = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        long started = System.nanoTime();
        Db.execute("insert into customer_order (id, tenant_id, customer_id, rep_id, location, status, payment_terms,"
                + " currency, subtotal, tax, total, created_at, updated_at)"
                + " select gen_random_uuid(), ?, case when n % 1000 = 0 then ? else gen_random_uuid() end,"
                + " 'rep-' || (n % 50), 'VAN-' || (n % 50), (array['CONFIRMED','FULFILLED','DELIVERED','COMPLETED',"
                + "'CANCELLED','PENDING_APPROVAL'])[1 + n % 6], 'COD', 'ZAR', 10, 1.5, 11.5,"
                + " now() - make_interval(secs => n), now() from generate_series(1, ?) n", tenant, customer, ROWS);
        Db.execute("analyze customer_order");
        System.out.println("BENCHMARK order-service seeded " + ROWS + " orders in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        Instant cursorAt = Instant.now().minusSeconds(ROWS / 2);
        UUID cursorId = UUID.randomUUID();
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("newest first", explain(OrderRepository.listSql(null, null, null, null, null, null),
                tenant, 51));
        queries.put("customer", explain(OrderRepository.listSql(customer, null, null, null, null, null),
                tenant, customer, 51));
        queries.put("status", explain(OrderRepository.listSql(null, "DELIVERED", null, null, null, null),
                tenant, "DELIVERED", 51));
        queries.put("rep", explain(OrderRepository.listSql(null, null, "rep-7", null, null, null),
                tenant, "rep-7", 51));
        queries.put("date range + cursor", explain(OrderRepository.listSql(null, null, null, Instant.EPOCH,
                Instant.now(), cursorAt), tenant, Instant.EPOCH.toString(), Instant.now().toString(),
                cursorAt.toString(), cursorId, 51));
        queries.put("status + customer", explain(OrderRepository.listSql(customer, "DELIVERED", null, null, null,
                null), tenant, customer, "DELIVERED", 51));
        List<String> seqScans = new ArrayList<>();
        queries.forEach((name, plan) -> {
            System.out.println("BENCHMARK order-service list '" + name + "' over " + ROWS + " orders: "
                    + firstLine(plan) + " | " + summary(plan));
            if (plan.contains("Seq Scan on customer_order")) {
                seqScans.add(name + ":\n" + plan);
            }
        });
        assertThat(seqScans).isEmpty();
        assertThat(queries.values()).allMatch(p -> p.contains("Index"));
    }

    private static String firstLine(String plan) {
        return plan.lines().findFirst().orElse("");
    }

    private static String summary(String plan) {
        return plan.lines().filter(l -> l.contains("Index") || l.contains("Execution Time")).map(String::strip)
                .reduce((a, b) -> a + " ; " + b).orElse("");
    }

    /** EXPLAIN ANALYZE of a repository query with its ?N parameters inlined as literals. */
    private static String explain(String sql, Object... params) {
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(sql);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Object p = params[Integer.parseInt(m.group(1)) - 1];
            m.appendReplacement(b, Matcher.quoteReplacement(p instanceof Number ? p.toString()
                    : "'" + p.toString().replace("'", "''") + "'"));
        }
        m.appendTail(b);
        return String.join("\n", Db.strings("explain (analyze, costs off) " + b));
    }
}
