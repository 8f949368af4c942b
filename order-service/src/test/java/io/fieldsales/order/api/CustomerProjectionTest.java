package io.fieldsales.order.api;

import static io.fieldsales.order.TenantFixture.line;
import static io.fieldsales.order.TenantFixture.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.order.Db;
import io.fieldsales.order.EventsFixture;
import io.fieldsales.order.FakeCustomerService;
import io.fieldsales.order.TenantFixture;
import io.fieldsales.order.service.CustomerProjection;
import io.fieldsales.platform.events.EventEnvelope;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which customers may order: the projection of customer.events, and customer-service when it has not heard. */
@QuarkusTest
class CustomerProjectionTest {

    private final TenantFixture t = new TenantFixture();

    @Inject
    CustomerProjection projection;

    @Inject
    ObjectMapper json;

    @AfterEach
    void normal() {
        FakeCustomerService.mode = FakeCustomerService.Mode.NORMAL;
    }

    private String status(UUID customer) {
        return Db.text("select status from customer_projection where tenant_id = ? and customer_id = ?", t.tenant,
                customer);
    }

    private UUID publish(String type, UUID customer, String data) {
        return EventsFixture.publish("customer.events", type, t.tenant, customer.toString(), data);
    }

    @Test
    void followsCreatedDeletedRestoredAndMergedEvents() {
        t.product("P1", "1.00");
        t.stock("W", "P1", 100);
        UUID customer = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        publish("io.fieldsales.customer.created.v1", customer, "{\"customer\":"
                + EventsFixture.snapshot(customer, "Spaza One", "ACTIVE") + "}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(status(customer)));
        t.order(customer, "W", line("P1", 1));

        publish("io.fieldsales.customer.deleted.v1", customer, "{\"customerId\":\"" + customer
                + "\",\"version\":2,\"deletedAt\":\"2026-01-01T00:00:00Z\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELETED".equals(status(customer)));
        t.createOrder(customer, "W", line("P1", 1)).statusCode(422).body("code", equalTo("customer_not_active"));

        publish("io.fieldsales.customer.restored.v1", customer, "{\"customer\":"
                + EventsFixture.snapshot(customer, "Spaza One", "ACTIVE") + "}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(status(customer)));
        t.order(customer, "W", line("P1", 1));

        publish("io.fieldsales.customer.merged.v1", survivor, "{\"survivorId\":\"" + survivor + "\",\"sourceIds\":[\""
                + customer + "\"],\"survivor\":" + EventsFixture.snapshot(survivor, "Spaza Two", "ACTIVE") + "}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "MERGED".equals(status(customer)));
        t.createOrder(customer, "W", line("P1", 1)).statusCode(201).body("customerId", equalTo(survivor.toString()));
        assertThat(FakeCustomerService.lastAuthorization).doesNotContainKey(customer.toString());
    }

    @Test
    void redeliveredEventsApplyOnce() {
        UUID customer = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String data = "{\"customer\":" + EventsFixture.snapshot(customer, "Twice", "ACTIVE") + "}";
        EventsFixture.publish("customer.events", "io.fieldsales.customer.created.v1", t.tenant, customer.toString(),
                data, eventId);
        EventsFixture.publish("customer.events", "io.fieldsales.customer.created.v1", t.tenant, customer.toString(),
                data, eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(status(customer)));
        assertThat(Db.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String key = UUID.randomUUID().toString();
        EventsFixture.publish("customer.events", "io.fieldsales.customer.created.v1", null, key, "{\"customer\":{}}");
        try (TopicProbe dlq = TopicProbe.on("customer.events.dlq")) {
            var records = dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(records).hasSize(1);
            assertThat(TopicProbe.header(records.get(0), "dead-letter-reason")).contains("tenantid");
        }
        UUID customer = UUID.randomUUID();
        publish("io.fieldsales.customer.created.v1", customer, "{\"customer\":"
                + EventsFixture.snapshot(customer, "After poison", "ACTIVE") + "}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(status(customer)));
    }

    @Test
    void aBurstWithAnEventThatCannotBeAppliedAppliesTheOthersAndDeadLettersThatOne() throws Exception {
        // one producer, one key, sent back to back: the consumer gets them in one or few batches (one transaction
        // each), and the deleted event without a customerId fails inside the batch's transaction
        String key = UUID.randomUUID().toString();
        List<UUID> customers = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        UUID poisonId = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = EventsFixture.producer()) {
            for (int i = 0; i < 7; i++) {
                if (i == 3) {
                    producer.send(EventsFixture.record("customer.events", "io.fieldsales.customer.deleted.v1",
                            t.tenant, key, "{\"version\":2}", poisonId));
                    continue;
                }
                UUID customer = UUID.randomUUID();
                UUID eventId = UUID.randomUUID();
                customers.add(customer);
                eventIds.add(eventId);
                producer.send(EventsFixture.record("customer.events", "io.fieldsales.customer.created.v1", t.tenant,
                        key, "{\"customer\":" + EventsFixture.snapshot(customer, "Burst " + i, "ACTIVE") + "}",
                        eventId));
            }
            producer.flush();
        }
        try (TopicProbe dlq = TopicProbe.on("customer.events.dlq")) {
            var records = dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(records).hasSize(1);
            assertThat(TopicProbe.header(records.get(0), "dead-letter-reason")).contains("customerId");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> customers.stream().allMatch(c -> "ACTIVE".equals(status(c))));
        assertThat(Db.count("select count(*) from processed_event where event_id::text = any(string_to_array(?, ','))",
                String.join(",", eventIds.stream().map(UUID::toString).toList()))).isEqualTo(6);
        assertThat(Db.count("select count(*) from processed_event where event_id = ?", poisonId)).isZero();
    }

    @Test
    void aBatchAppliesEachCustomersEventsInOrderWithRunsOfSnapshotsWrittenTogether() throws Throwable {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        // a's second snapshot and b's deletion end the runs; a run writing a customer twice would fail in PostgreSQL
        // ("cannot affect row a second time"), a deletion applied out of order would leave b ACTIVE
        List<EventEnvelope> batch = List.of(
                event("created", a, "{\"customer\":" + EventsFixture.snapshot(a, "Alpha One", "ACTIVE") + "}"),
                event("created", b, "{\"customer\":" + EventsFixture.snapshot(b, "Bravo", "ACTIVE") + "}"),
                event("updated", a, "{\"customer\":" + EventsFixture.snapshot(a, "Alpha Two", "ACTIVE") + "}"),
                event("deleted", b, "{\"customerId\":\"" + b + "\",\"version\":2}"),
                event("created", c, "{\"customer\":" + EventsFixture.snapshot(c, "Charlie", "ACTIVE") + "}"),
                event("created", d, "{\"customer\":" + EventsFixture.snapshot(d, "Delta", "ACTIVE") + "}"));

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> projection.applyAll(batch)));

        assertThat(status(a)).isEqualTo("ACTIVE");
        assertThat(name(a)).isEqualTo("Alpha Two");
        assertThat(status(b)).isEqualTo("DELETED");
        assertThat(name(b)).isEqualTo("Bravo");
        assertThat(List.of(status(c), status(d))).containsOnly("ACTIVE");
        assertThat(List.of(name(c), name(d))).containsExactly("Charlie", "Delta");
    }

    private String name(UUID customer) {
        return Db.text("select name from customer_projection where tenant_id = ? and customer_id = ?", t.tenant,
                customer);
    }

    private EventEnvelope event(String verb, UUID customer, String data) throws Exception {
        return new EventEnvelope(UUID.randomUUID(), "io.fieldsales.customer." + verb + ".v1", "customer-service",
                customer.toString(), OffsetDateTime.now(), t.tenant, "test", null, null, "customer.events",
                json.readTree(data));
    }

    @Test
    void aBatchThatFailsForAPassingReasonIsRetriedNotDeadLettered() {
        // the projection's table is away for a moment: the batch's attempts fail, a later one applies it
        UUID customer = UUID.randomUUID();
        String key = customer.toString();
        Db.execute("alter table customer_projection rename to customer_projection_away");
        UUID eventId;
        try {
            eventId = publish("io.fieldsales.customer.created.v1", customer, "{\"customer\":"
                    + EventsFixture.snapshot(customer, "Back soon", "ACTIVE") + "}");
            // the consumer's attempts fail for 1.5 s: nothing applied, nothing recorded
            UUID sent = eventId;
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> Db.count(
                    "select count(*) from customer_projection_away where customer_id = ?", customer) == 0
                    && Db.count("select count(*) from processed_event where event_id = ?", sent) == 0);
        } finally {
            Db.execute("alter table customer_projection_away rename to customer_projection");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(status(customer)));
        assertThat(Db.count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        try (TopicProbe dlq = TopicProbe.on("customer.events.dlq")) {
            assertThat(dlq.drain(r -> key.equals(r.key()), Duration.ofSeconds(3))).isEmpty();
        }
    }

    @Test
    void asksCustomerServiceWithTheCallersTokenWhenTheProjectionDoesNotKnow() {
        t.product("P2", "1.00");
        t.stock("W", "P2", 10);
        UUID customer = UUID.randomUUID();
        FakeCustomerService.put(customer.toString(), "Fresh Shop", "ACTIVE", null);
        t.createOrder(customer, "W", line("P2", 1)).statusCode(201);
        assertThat(FakeCustomerService.lastAuthorization.get(customer.toString()))
                .isEqualTo("Bearer " + t.token("sales_rep"));
        assertThat(status(customer)).isEqualTo("ACTIVE");

        UUID unknown = UUID.randomUUID();
        t.createOrder(unknown, "W", line("P2", 1)).statusCode(422).body("code", equalTo("customer_not_active"));
        UUID deleted = UUID.randomUUID();
        FakeCustomerService.put(deleted.toString(), "Gone", "DELETED", null);
        t.createOrder(deleted, "W", line("P2", 1)).statusCode(422).body("code", equalTo("customer_not_active"));
    }

    @Test
    void failsFastWith503WhenCustomerServiceHangsOrFails() {
        t.product("P3", "1.00");
        t.stock("W", "P3", 10);
        for (FakeCustomerService.Mode mode : new FakeCustomerService.Mode[] {FakeCustomerService.Mode.HANG,
                FakeCustomerService.Mode.ERROR_503}) {
            FakeCustomerService.mode = mode;
            UUID customer = UUID.randomUUID();
            long started = System.nanoTime();
            t.asRep().body(orderBody(customer, "W", line("P3", 1))).post("/api/v1/orders").then()
                    .statusCode(503).header("Retry-After", "5").body("code", equalTo("dependency_unavailable"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("BENCHMARK order-service create with customer-service " + mode + ": 503 in " + millis
                    + " ms");
            assertThat(millis).as("fast failure").isLessThan(2000);
        }
        assertThat(Db.count("select count(*) from customer_order where tenant_id = ?", t.tenant)).isZero();
    }
}
