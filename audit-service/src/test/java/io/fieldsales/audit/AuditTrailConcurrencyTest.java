package io.fieldsales.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.audit.domain.NewAuditEvent;
import io.fieldsales.audit.service.AppendResult;
import io.fieldsales.audit.service.AuditTrail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailConcurrencyTest {

    @Inject
    AuditTrail trail;

    private final UUID tenant = UUID.randomUUID();

    private <T> List<T> atOnce(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        return results;
    }

    @Test
    void theSameEventDeliveredManyTimesAtOnceIsStoredOnce() throws Exception {
        NewAuditEvent event = new NewAuditEvent(tenant, UUID.randomUUID(), "io.fieldsales.customer.created.v1", "/test",
                "customer.events", "customer", UUID.randomUUID().toString(), "rep-1", null,
                OffsetDateTime.now(ZoneOffset.UTC), new ObjectMapper().readTree("{\"email\":\"a@example.com\"}"));
        List<AppendResult> results = atOnce(12, () -> trail.append(event).await().atMost(Duration.ofSeconds(30)));
        assertThat(results).filteredOn(AppendResult::stored).hasSize(1);
        assertThat(Db.count("select count(*) from audit_event where event_id = ?", event.eventId())).isEqualTo(1);
        assertThat(Db.sequences(tenant)).containsExactly(1L);
    }

    @Test
    void concurrentAppendsOfOneTenantFormOneGaplessChainThatVerifies() throws Exception {
        int threads = 12;
        int each = 15;
        atOnce(threads, () -> {
            for (int i = 0; i < each; i++) {
                Seed.customer(trail, tenant, "updated", UUID.randomUUID().toString(), "{\"name\":\"N" + i + "\"}");
            }
            return null;
        });
        int total = threads * each;
        assertThat(Db.sequences(tenant)).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(Db.count("select count(*) from audit_event e join audit_event p on p.tenant_id = e.tenant_id"
                + " and p.sequence = e.sequence - 1 where e.tenant_id = ? and e.prev_hash = p.hash"
                + " and e.received_at >= p.received_at", tenant)).isEqualTo(total - 1);
        assertThat(Db.text("select encode(h.last_hash, 'hex') = encode(e.hash, 'hex') from audit_chain_head h"
                + " join audit_event e on e.tenant_id = h.tenant_id and e.sequence = h.last_sequence"
                + " where h.tenant_id = ?", tenant)).isEqualTo("t");
    }
}
