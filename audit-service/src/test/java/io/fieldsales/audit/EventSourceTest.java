package io.fieldsales.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Issue 12: only the service that owns a topic may publish on it, and event ids are unique per source. */
@QuarkusTest
class EventSourceTest {

    private final UUID tenant = UUID.randomUUID();

    private long stored(UUID eventId) {
        return Db.count("select count(*) from audit_event where event_id = ?", eventId);
    }

    @Test
    void aRecordWhoseSourceDoesNotOwnTheTopicGoesToTheDeadLetterTopicWithTheReason() {
        String marker = "foreign-" + UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        UUID anonymous = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        try (TopicProbe dlq = TopicProbe.on("audit.dlq"); TestEvents events = new TestEvents()) {
            events.sendFrom("order-service", "customer.events", null, foreign, tenant,
                    "io.fieldsales.customer.erased.v1", marker, "rep-1", null,
                    "{\"customerId\":\"" + marker + "\",\"alsoErased\":[]}");
            events.sendFrom(null, "security.events", null, anonymous, tenant,
                    "io.fieldsales.gateway.login.failed.v1", marker, null, null, "{\"reason\":\"wrong_password\"}");
            events.sendFrom("customer-service", "customer.events", null, good, tenant,
                    "io.fieldsales.customer.deleted.v1", marker, "rep-1", null, "{\"customerId\":\"" + marker + "\"}");

            List<ConsumerRecord<String, String>> dead = dlq.await(r -> marker.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(dead).extracting(r -> TopicProbe.header(r, "dead-letter-reason")).containsExactlyInAnyOrder(
                    "source order-service does not own customer.events (only customer-service publishes there)",
                    "source null does not own security.events (only gateway publishes there)");
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(good) == 1);
        }
        assertThat(stored(foreign)).isZero();
        assertThat(stored(anonymous)).isZero();
    }

    @Test
    void aRecordFromAnotherSourceCannotPreemptARealEventsId() {
        UUID id = UUID.randomUUID();
        String customer = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents()) {
            // order-service (owner of order.events) publishes a record carrying the id of a customer event ...
            events.send("order.events", null, id, tenant, "io.fieldsales.order.order.placed.v1",
                    UUID.randomUUID().toString(), "rep-1", null, "{\"total\":\"1.00\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(id) == 1);
            // ... and the real customer event with that id is still stored, not dropped as a duplicate
            events.send("customer.events", null, id, tenant, "io.fieldsales.customer.deleted.v1", customer, "rep-1",
                    null, "{\"customerId\":\"" + customer + "\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(id) == 2);
            // a redelivery of either is still stored once
            events.send("customer.events", null, id, tenant, "io.fieldsales.customer.deleted.v1", customer, "rep-1",
                    null, "{\"customerId\":\"" + customer + "\"}");
            UUID marker = events.send("customer.events", tenant, "io.fieldsales.customer.deleted.v1", customer,
                    "rep-1", null, "{\"customerId\":\"" + customer + "\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(marker) == 1);
        }
        assertThat(Db.strings("select source from audit_event where event_id = ? order by source", id))
                .containsExactly("customer-service", "order-service");
    }
}
