package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditIngestTest {

    private final UUID tenant = UUID.randomUUID();
    private final String auditor = TestTokens.forTenant(tenant).user("auditor-1").roles("auditor").mint();

    private long stored() {
        return Db.count("select count(*) from audit_event where tenant_id = ? and topic <> 'audit.api'", tenant);
    }

    @Test
    void everyEventTypeOfTheSuiteIsStoredOnceEvenWhenKafkaRedelivers() {
        String customer = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        List<UUID> ids = new ArrayList<>();
        try (TestEvents events = new TestEvents()) {
            for (String verb : List.of("created", "updated", "deleted", "restored", "merged", "erased")) {
                ids.add(events.send("customer.events", tenant, "io.fieldsales.customer." + verb + ".v1", customer,
                        "rep-1", "req-" + verb, "{\"id\":\"" + customer + "\",\"version\":1}"));
            }
            ids.add(events.send("order.events", tenant, "io.fieldsales.order.order.placed.v1", order, "rep-1", "req-o",
                    "{\"customerId\":\"" + customer + "\",\"total\":\"12.50\",\"currency\":\"ZAR\"}"));
            ids.add(events.send("cash.events", tenant, "io.fieldsales.cash.payment.collected.v1",
                    UUID.randomUUID().toString(), "cashier-1", "req-c", "{\"orderId\":\"" + order + "\"}"));
            ids.add(events.send("security.events", tenant, "io.fieldsales.security.login.failed.v1", "user-9", null,
                    "req-s", "{\"reason\":\"bad_password\"}"));
            // Kafka redelivers: the same CloudEvents ids arrive again
            events.send("customer.events", null, ids.get(0), tenant, "io.fieldsales.customer.created.v1", customer,
                    "rep-1", "req-created", "{\"id\":\"" + customer + "\",\"version\":1}");
            events.send("order.events", null, ids.get(6), tenant, "io.fieldsales.order.order.placed.v1", order,
                    "rep-1", "req-o", "{\"customerId\":\"" + customer + "\"}");
            // a marker sent last on each topic proves the duplicates were consumed before we count
            events.send("customer.events", tenant, "io.fieldsales.customer.updated.v1", customer, "rep-1", "marker", "{}");
            events.send("order.events", tenant, "io.fieldsales.order.order.placed.v1", order, "rep-1", "marker", "{}");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stored() >= ids.size() + 2);
        assertThat(stored()).isEqualTo(ids.size() + 2);
        for (UUID id : ids) {
            assertThat(Db.count("select count(*) from audit_event where event_id = ?", id)).isEqualTo(1);
        }
        JsonPath placed = given().auth().oauth2(auditor).queryParam("requestId", "req-o").get("/api/v1/audit/events")
                .then().statusCode(200).extract().jsonPath();
        assertThat(placed.getList("items")).hasSize(1);
        assertThat(placed.getString("items[0].type")).isEqualTo("io.fieldsales.order.order.placed.v1");
        assertThat(placed.getString("items[0].entityType")).isEqualTo("order");
        assertThat(placed.getString("items[0].entityId")).isEqualTo(order);
        assertThat(placed.getString("items[0].actorId")).isEqualTo("rep-1");
        assertThat(placed.getString("items[0].topic")).isEqualTo("order.events");
        assertThat(placed.getString("items[0].occurredAt")).isNotBlank();
        assertThat(placed.getString("items[0].receivedAt")).isNotBlank();
        assertThat(placed.getString("items[0].data.total")).isEqualTo("12.50");
        assertThat(placed.getList("items[0].refs", String.class)).containsExactly("customer:" + customer);
        assertThat(Db.sequences(tenant)).containsExactlyElementsOf(
                LongStream.rangeClosed(1, Db.sequences(tenant).size()).boxed().toList());
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void ingestRateDelayAndConsumerLagAreExposedAsMetrics() {
        try (TestEvents events = new TestEvents()) {
            events.send("security.events", tenant, "io.fieldsales.security.login.failed.v1", "user-1", null, null, "{}");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stored() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = io.fieldsales.platform.testing.ManagementSurface.get(management.toString(), "/q/metrics");
            assertThat(metrics).contains("fieldsales_audit_events_stored_total{topic=\"security.events\"")
                    .contains("fieldsales_audit_ingest_delay_seconds_count{topic=\"security.events\"")
                    .contains("kafka_consumer_fetch_manager_records_lag");
        });
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicWithTheirReasonAndTheConsumerKeepsGoing() {
        String marker = "poison-" + UUID.randomUUID();
        try (TopicProbe dlq = TopicProbe.on("audit.dlq"); TestEvents events = new TestEvents()) {
            Map<String, String> base = Map.of("ce_specversion", "1.0", "ce_type", "io.fieldsales.customer.created.v1",
                    "ce_source", "customer-service", "ce_subject", marker);
            Map<String, String> noTenant = new java.util.HashMap<>(base);
            noTenant.put("ce_id", UUID.randomUUID().toString());
            events.sendRaw("customer.events", marker, "{\"id\":1}", noTenant);
            Map<String, String> brokenJson = new java.util.HashMap<>(base);
            brokenJson.put("ce_id", UUID.randomUUID().toString());
            brokenJson.put("ce_tenantid", tenant.toString());
            events.sendRaw("customer.events", marker, "{\"id\": oops", brokenJson);
            Map<String, String> unknownType = new java.util.HashMap<>(base);
            unknownType.put("ce_id", UUID.randomUUID().toString());
            unknownType.put("ce_tenantid", tenant.toString());
            unknownType.put("ce_type", "io.fieldsales.customer.teleported.v1");
            events.sendRaw("customer.events", marker, "{}", unknownType);
            Map<String, String> wrongTopic = new java.util.HashMap<>(unknownType);
            wrongTopic.put("ce_id", UUID.randomUUID().toString());
            wrongTopic.put("ce_type", "io.fieldsales.customer.created.v1");
            events.sendRaw("cash.events", marker, "{}", wrongTopic);
            events.sendRaw("security.events", marker, "not a cloud event", Map.of());
            UUID good = events.send("customer.events", tenant, "io.fieldsales.customer.created.v1", marker, "rep-1",
                    null, "{\"id\":\"x\"}");

            List<ConsumerRecord<String, String>> dead = dlq.await(r -> marker.equals(r.key()), 5, Duration.ofSeconds(30));
            assertThat(dead).hasSize(5);
            assertThat(dead).extracting(r -> TopicProbe.header(r, "dead-letter-reason")).allSatisfy(reason ->
                    assertThat(reason).isNotBlank());
            assertThat(dead).extracting(r -> TopicProbe.header(r, "dead-letter-reason"))
                    .anySatisfy(reason -> assertThat(reason).contains("has no tenantid"))
                    .anySatisfy(reason -> assertThat(reason).contains("not valid JSON"))
                    .anySatisfy(reason -> assertThat(reason).contains("unknown event type io.fieldsales.customer.teleported.v1"))
                    .anySatisfy(reason -> assertThat(reason).contains("does not own cash.events"))
                    .anySatisfy(reason -> assertThat(reason).contains("not a CloudEvent"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Db.count("select count(*) from audit_event where event_id = ?", good) == 1);
        }
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void eventsOfOneTenantArrivingOnSeveralPartitionsAndTopicsAtOnceFormOneUnbrokenChain() throws Exception {
        int perProducer = 40;
        List<String> topics = List.of("customer.events", "customer.events", "customer.events", "order.events",
                "cash.events", "security.events");
        List<String> types = List.of("io.fieldsales.customer.updated.v1", "io.fieldsales.customer.updated.v1",
                "io.fieldsales.customer.updated.v1", "io.fieldsales.order.order.placed.v1",
                "io.fieldsales.cash.payment.collected.v1", "io.fieldsales.security.login.failed.v1");
        ExecutorService pool = Executors.newFixedThreadPool(topics.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < topics.size(); p++) {
            int producer = p;
            done.add(pool.submit(() -> {
                start.await();
                try (TestEvents events = new TestEvents()) {
                    for (int i = 0; i < perProducer; i++) {
                        // customer.events producers 0..2 each write to their own partition
                        Integer partition = producer < 3 ? producer : null;
                        events.send(topics.get(producer), partition, UUID.randomUUID(), tenant, types.get(producer),
                                UUID.randomUUID().toString(), "p" + producer, null, "{\"i\":" + i + "}");
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        int total = perProducer * topics.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> stored() >= total);
        assertThat(Db.sequences(tenant)).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(Db.count("select count(*) from audit_event e join audit_event p on p.tenant_id = e.tenant_id"
                + " and p.sequence = e.sequence - 1 where e.tenant_id = ? and e.prev_hash = p.hash", tenant))
                .isEqualTo(total - 1);
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().log().ifValidationFails().statusCode(200)
                .body("valid", org.hamcrest.Matchers.is(true))
                .body("checked", org.hamcrest.Matchers.is(total));
    }
}
