package io.fieldsales.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, audit ingest: prints (never asserts) how fast the trail ingests realistic events (customer.created with
 * personal data, so every event gets its own data key and encrypted fields) from Kafka, into one tenant and across
 * ten, and the commit -> stored delay while a producer writes ~100 events/s. Takes about a minute, so it only runs
 * with {@code -Dfieldsales.bench=true}:
 * <pre>./mvnw -pl audit-service -am verify -Dtest=AuditIngestBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dfieldsales.bench=true</pre>
 * Size with {@code -Daudit.bench.events} (default 20000). Rates come from the rows' own received_at (the database
 * clock under the chain lock), so they measure the ingest, not the producer.
 */
@QuarkusTest
class AuditIngestBenchmarkTest {

    private static final String CREATED = "io.fieldsales.customer.created.v1";

    /** A customer.created event as customer-service's outbox publishes it, with name, email, phone and address. */
    private static void created(TestEvents events, UUID tenant, int n) {
        String customer = UUID.randomUUID().toString();
        String data = "{\"id\":\"" + customer + "\",\"name\":\"Spaza " + n + " General Dealer\",\"email\":\"owner" + n
                + "@shop" + (n % 977) + ".co.za\",\"phone\":\"+2782" + String.format("%07d", n % 10_000_000)
                + "\",\"address\":{\"lines\":[\"" + (n % 300) + " Main Road\"],\"city\":\"Durban\",\"postalCode\":\"4001\","
                + "\"country\":\"ZA\"},\"externalRef\":\"ERP-" + n + "\",\"segment\":\"retail\",\"creditLimit\":\"5000.00\","
                + "\"currency\":\"ZAR\",\"version\":1}";
        events.send("customer.events", null, UUID.randomUUID(), tenant, CREATED, customer, "rep-" + (n % 40),
                "req-" + n, data);
    }

    private static String tenantList(List<UUID> tenants) {
        return "(" + String.join(",", tenants.stream().map(t -> "'" + t + "'").toList()) + ")";
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim() + " on " + Runtime.getRuntime().availableProcessors()
                    + " cores";
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Produces N events over the tenants as fast as Kafka takes them, then waits until all are stored. */
    private static void ingest(String label, List<UUID> tenants, int events) {
        String in = tenantList(tenants);
        long t0 = System.nanoTime();
        try (TestEvents producer = TestEvents.batched()) {
            for (int i = 0; i < events; i++) {
                created(producer, tenants.get(i % tenants.size()), i);
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - t0) / 1e9;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> Db.count("select count(*) from audit_event where tenant_id in " + in) == events);
        double wall = (System.nanoTime() - t0) / 1e9;
        double span = Double.parseDouble(Db.text("select extract(epoch from max(received_at) - min(received_at))"
                + " from audit_event where tenant_id in " + in));
        long transactions = Db.count("select count(distinct received_at) from audit_event where tenant_id in " + in);
        System.out.printf("%nBENCHMARK audit ingest %s: %d customer.created events with PII: %.0f events/s"
                        + " (first to last stored %.2f s; produced in %.2f s, all stored %.2f s after the first send);"
                        + " %d chain transactions, %.0f events each on average; load %s%n", label, events,
                events / Math.max(span, 0.001), span, produced, wall, transactions, (double) events / transactions, load());
    }

    @Test
    void ingestRatesAndCommitToStoredDelay() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("fieldsales.bench"), "benchmark: run with -Dfieldsales.bench=true");
        int events = Integer.getInteger("audit.bench.events", 20_000);
        // warm-up (JIT, connections, prepared statements)
        ingest("warm-up", List.of(UUID.randomUUID()), 2_000);

        ingest("ONE tenant", List.of(UUID.randomUUID()), events);
        List<UUID> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(UUID.randomUUID());
        }
        ingest("TEN tenants", ten, events);

        // commit -> stored while a producer writes ~100 events/s (ten tenants) for 20 s
        List<UUID> live = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            live.add(UUID.randomUUID());
        }
        int rate = 100;
        int seconds = Integer.getInteger("audit.bench.live-seconds", 20);
        try (TestEvents producer = new TestEvents()) {
            long start = System.nanoTime();
            for (int i = 0; i < rate * seconds; i++) {
                long due = start + i * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(Math.max(100_000, due - System.nanoTime()));
                }
                created(producer, live.get(i % live.size()), i);
            }
        }
        long stopped = System.nanoTime();
        String in = tenantList(live);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> Db.count("select count(*) from audit_event where tenant_id in " + in) == (long) rate * seconds);
        double drained = (System.nanoTime() - stopped) / 1e9;
        List<String> p = Db.strings("select round(1000 * extract(epoch from percentile_cont(q) within group"
                + " (order by received_at - occurred_at)))::text from audit_event, unnest(array[0.5, 0.95, 0.99, 1.0]) q"
                + " where tenant_id in " + in + " group by q order by q");
        long transactions = Db.count("select count(distinct received_at) from audit_event where tenant_id in " + in);
        System.out.printf("%nBENCHMARK audit ingest commit->stored at %d events/s for %d s (ten tenants): p50 %s ms,"
                        + " p95 %s ms, p99 %s ms, max %s ms; all stored %.2f s after the producer stopped;"
                        + " %d chain transactions; load %s%n", rate, seconds, p.get(0), p.get(1), p.get(2), p.get(3),
                drained, transactions, load());
        assertThat(p).hasSize(4);
    }
}
