package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.SharedInfra;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import io.fieldsales.audit.service.AuditTrail;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Prints how fast one entity's history comes back from a large trail. Rows are bulk-inserted through the superuser
 * connection (generate_series; their hashes are filler, this measures the query path, not the chain). Size with
 * -Daudit.bench.rows (default 100000; the report's figure used 1000000).
 */
@QuarkusTest
class AuditQueryBenchmarkTest {

    @Test
    void oneEntitysHistoryFromALargeTrail() throws Exception {
        int rows = Integer.getInteger("audit.bench.rows", 100_000);
        int perEntity = 100;
        UUID tenant = UUID.randomUUID();
        long t0 = System.nanoTime();
        try (Connection c = SharedInfra.superuserConnection(); Statement s = c.createStatement()) {
            s.execute("insert into audit_event (tenant_id, sequence, event_id, event_type, source, topic, entity_type,"
                    + " entity_id, actor_id, request_id, occurred_at, received_at, refs, data, prev_hash, hash)"
                    + " select '" + tenant + "', g, gen_random_uuid(), 'io.fieldsales.customer.updated.v1', '/bench',"
                    + " 'customer.events', 'customer', 'c-' || (g % " + (rows / perEntity) + "), 'rep-' || (g % 50),"
                    + " 'req-' || g, now() - make_interval(secs => " + rows + " - g), now() - make_interval(secs => "
                    + rows + " - g), '{}', jsonb_build_object('n', g), sha256(int8send(g - 1)), sha256(int8send(g))"
                    + " from generate_series(1, " + rows + ") g");
            s.execute("insert into audit_chain_head (tenant_id, last_sequence, last_hash) values ('" + tenant + "', "
                    + rows + ", sha256(int8send(" + rows + "::bigint)))");
            s.execute("analyze audit_event");
        }
        double insertSeconds = (System.nanoTime() - t0) / 1e9;
        String token = TestTokens.forTenant(tenant).user("bench").roles("auditor").mint();
        int entities = rows / perEntity;
        String url = "/api/v1/audit/events?entityType=customer&entityId=c-" + (entities / 2) + "&limit=50";
        given().auth().oauth2(token).get(url).then().statusCode(200); // warm-up
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI base = baseUrl.toURI();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                    base.resolve(url.substring(1))).header("Authorization", "Bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(response.statusCode()).isEqualTo(200);
            String body = response.body();
            int items = io.restassured.path.json.JsonPath.from(body).getList("items").size();
            assertThat(items).isEqualTo(50);
        }
        Collections.sort(millis);
        List<Double> sqlMillis = new ArrayList<>();
        try (Connection c = SharedInfra.superuserConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 30; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery("select * from audit_event where tenant_id = '" + tenant
                        + "' and entity_type = 'customer' and entity_id = 'c-" + (entities / 3 + i) + "' order by sequence desc limit 51")) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                sqlMillis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(sqlMillis);
        List<Double> baseline = new ArrayList<>();
        List<Double> appendMillis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            http.send(java.net.http.HttpRequest.newBuilder(base.resolve("api/v1/audit/retention"))
                    .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            baseline.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            Seed.customer(trail, tenant, "updated", "c-x", "{}");
            appendMillis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(baseline);
        List<Double> direct = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            reader.list(new io.fieldsales.audit.domain.EventFilter(tenant, "customer", "c-" + (entities / 2), null,
                    null, null, null, null, null, 50)).await().atMost(java.time.Duration.ofSeconds(10));
            direct.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(direct);
        System.out.printf("%nBENCHMARK audit-service: AuditReader.list in-process: median %.1f ms%n", direct.get(15));
        Collections.sort(appendMillis);
        System.out.printf("%nBENCHMARK audit-service: baseline GET /audit/retention (JWT + one query): median %.1f ms;"
                + " one append to that tenant's chain: median %.1f ms, p90 %.1f ms%n", baseline.get(15),
                appendMillis.get(15), appendMillis.get(27));
        StringBuilder plan = new StringBuilder();
        try (Connection c = SharedInfra.superuserConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("explain analyze select * from audit_event where tenant_id = '" + tenant
                     + "' and entity_type = 'customer' and entity_id = 'c-" + (entities / 2) + "' order by sequence desc limit 51")) {
            while (rs.next()) {
                plan.append("    ").append(rs.getString(1)).append('\n');
            }
        }
        try (Connection c = SharedInfra.superuserConnection(); Statement s = c.createStatement()) {
            s.execute("set plan_cache_mode = force_generic_plan");
            s.execute("prepare entity_page(uuid, text, text, int) as select " + io.fieldsales.audit.repository.AuditEventRepository.COLUMNS
                    + " from audit_event where tenant_id = $1 and entity_type = $2 and entity_id = $3 order by sequence desc limit $4");
            try (ResultSet rs = s.executeQuery("explain analyze execute entity_page('" + tenant + "', 'customer', 'c-"
                    + (entities / 2) + "', 51)")) {
                plan.append("  generic plan (as the service's cached prepared statement may use):\n");
                while (rs.next()) {
                    plan.append("    ").append(rs.getString(1)).append('\n');
                }
            }
        }
        System.out.printf("%nBENCHMARK audit-service: %d rows inserted in %.1f s; GET one entity's 50 newest of %d events"
                        + " over %d rows: median %.1f ms, p90 %.1f ms, max %.1f ms (HTTP round trip, JDK client; incl. JWT, decrypt, read-audit append)%n"
                        + "  the same query over JDBC: median %.2f ms, p90 %.2f ms%n  EXPLAIN ANALYZE:%n%s%n", rows,
                insertSeconds, perEntity, rows, millis.get(15), millis.get(27), millis.get(29), sqlMillis.get(15),
                sqlMillis.get(27), plan);
    }

    @Inject
    AuditTrail trail;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL baseUrl;

    @Inject
    io.fieldsales.audit.service.AuditReader reader;

    @Test
    void appendRateForOneTenantAndForManyTenants() throws Exception {
        int perThread = 150;
        int threads = 8;
        for (boolean oneTenant : new boolean[] {true, false}) {
            UUID shared = UUID.randomUUID();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                UUID tenant = oneTenant ? shared : UUID.randomUUID();
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        Seed.customer(trail, tenant, "updated", UUID.randomUUID().toString(),
                                "{\"name\":\"Person " + i + "\",\"version\":" + i + "}");
                    }
                    return null;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf("%nBENCHMARK audit-service: %d appends (with PII encryption) from %d threads to %s: %.1f s,"
                    + " %.0f events/s%n", perThread * threads, threads, oneTenant ? "ONE tenant (one chain lock)"
                    : threads + " tenants", seconds, perThread * threads / seconds);
            if (oneTenant) {
                assertThat(Db.sequences(shared)).hasSize(perThread * threads);
            }
        }
    }
}
