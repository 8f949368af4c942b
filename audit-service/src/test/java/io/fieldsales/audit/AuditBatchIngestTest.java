package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.audit.domain.NewAuditEvent;
import io.fieldsales.audit.domain.PlatformChain;
import io.fieldsales.audit.service.AppendResult;
import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.platform.testing.SharedInfra;
import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Issue 13: the trail ingests Kafka in batches, one transaction per batch, with every guarantee of single appends. */
@QuarkusTest
class AuditBatchIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = "io.fieldsales.customer.created.v1";
    private static final String UPDATED = "io.fieldsales.customer.updated.v1";

    @Inject
    AuditTrail trail;

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    private static NewAuditEvent customerEvent(UUID tenant, UUID id, String type, String customer, String data) {
        try {
            return new NewAuditEvent(tenant, id, type, "customer-service", "customer.events", "customer", customer,
                    "rep-1", null, OffsetDateTime.now(ZoneOffset.UTC), JSON.readTree(data));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void assertVerifies(UUID tenant, int checked) {
        given().auth().oauth2(TestTokens.forTenant(tenant).user("aud-1").roles("auditor").mint())
                .get("/api/v1/audit/verify").then().log().ifValidationFails().statusCode(200)
                .body("valid", Matchers.is(true)).body("checked", Matchers.is(checked));
    }

    private static List<String> eventIdsInChainOrder(UUID tenant) {
        return Db.strings("select event_id::text from audit_event where tenant_id = ? and topic <> 'audit.api'"
                + " order by sequence", tenant);
    }

    @Test
    void aBatchOfSeveralTenantsIsStoredInOrderWithDuplicatesSkippedAndEveryChainVerifies() {
        String customer = UUID.randomUUID().toString();
        NewAuditEvent stored = customerEvent(tenantA, UUID.randomUUID(), CREATED, customer,
                "{\"name\":\"Thandi Mokoena\",\"email\":\"thandi@example.com\"}");
        assertThat(trail.append(stored).await().atMost(Duration.ofSeconds(10)).sequence()).isEqualTo(1);

        List<NewAuditEvent> batch = new ArrayList<>();
        batch.add(customerEvent(tenantA, UUID.randomUUID(), UPDATED, customer, "{\"name\":\"Thandi M\"}"));
        batch.add(customerEvent(tenantB, UUID.randomUUID(), CREATED, "b-1", "{\"email\":\"b1@example.com\"}"));
        batch.add(stored); // a redelivery of an event a previous batch stored
        batch.add(customerEvent(tenantA, UUID.randomUUID(), UPDATED, customer, "{\"phone\":\"+27821234567\"}"));
        batch.add(batch.get(1)); // the same record twice in one batch
        UUID platformEvent = UUID.randomUUID();
        batch.add(new NewAuditEvent(PlatformChain.ID, platformEvent, "io.fieldsales.gateway.login.failed.v1",
                "gateway", "security.events", "user", "nobody", null, null, OffsetDateTime.now(ZoneOffset.UTC),
                JSON.createObjectNode().put("username", "nobody@example.com")));
        batch.add(customerEvent(tenantB, UUID.randomUUID(), UPDATED, "b-1", "{\"name\":\"B One\"}"));

        List<AppendResult> results = trail.appendAll(batch).await().atMost(Duration.ofSeconds(30));

        assertThat(results).extracting(AppendResult::stored)
                .containsExactly(true, true, false, true, false, true, true);
        assertThat(results.get(0).sequence()).isEqualTo(2);
        assertThat(results.get(3).sequence()).isEqualTo(3);
        assertThat(results.get(1).sequence()).isEqualTo(1);
        assertThat(results.get(6).sequence()).isEqualTo(2);
        assertThat(eventIdsInChainOrder(tenantA)).containsExactly(stored.eventId().toString(),
                batch.get(0).eventId().toString(), batch.get(3).eventId().toString());
        assertThat(eventIdsInChainOrder(tenantB)).containsExactly(batch.get(1).eventId().toString(),
                batch.get(6).eventId().toString());
        assertThat(Db.count("select count(*) from audit_event where tenant_id = ? and event_id = ?", PlatformChain.ID,
                platformEvent)).isEqualTo(1);
        // personal data encrypted per subject in the batch path too
        assertThat(Db.text("select data::text from audit_event where event_id = ?", batch.get(1).eventId()))
                .doesNotContain("b1@example.com").contains("pii:v2:");
        assertVerifies(tenantA, 3);
        assertVerifies(tenantB, 2);
        given().auth().oauth2(TestTokens.withoutTenant().user("root-1").roles("platform_admin").mint())
                .get("/api/v1/audit/platform/verify").then().statusCode(200).body("valid", Matchers.is(true));
    }

    @Test
    void anErasureInsideABatchShredsTheEventsAfterItInThatBatch() {
        String customer = UUID.randomUUID().toString();
        List<NewAuditEvent> batch = List.of(
                customerEvent(tenantA, UUID.randomUUID(), CREATED, customer, "{\"email\":\"before@example.com\"}"),
                customerEvent(tenantA, UUID.randomUUID(), "io.fieldsales.customer.erased.v1", customer,
                        "{\"customerId\":\"" + customer + "\",\"alsoErased\":[]}"),
                customerEvent(tenantA, UUID.randomUUID(), UPDATED, customer, "{\"email\":\"after@example.com\"}"));
        trail.appendAll(batch).await().atMost(Duration.ofSeconds(30));
        assertVerifies(tenantA, 3);

        String auditor = TestTokens.forTenant(tenantA).user("aud-1").roles("auditor").mint();
        List<String> emails = given().auth().oauth2(auditor).queryParam("entityId", customer)
                .get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath().getList("items.data.email");
        assertThat(emails).containsOnly(null, "[erased]").contains("[erased]");
        assertThat(Db.text("select data->>'email' from audit_event where event_id = ?", batch.get(2).eventId()))
                .isEqualTo("[erased]");
        assertThat(Db.count("select count(*) from subject_key where tenant_id = ? and wrapped_key is null",
                tenantA)).isEqualTo(1);
    }

    /** Makes every insert of the tenant's rows fail with a transient error until {@link #heal} drops the trigger. */
    private static String failInsertsOf(UUID tenant) {
        String name = "fail_" + tenant.toString().replace('-', '_');
        Db.execute("create sequence if not exists " + name + "_attempts");
        Db.execute("create or replace function " + name + "() returns trigger language plpgsql security definer as $$"
                + " begin perform nextval('" + name + "_attempts');"
                + " raise exception 'test outage' using errcode = '40001'; end $$");
        Db.execute("create trigger " + name + " before insert on audit_event for each row when (new.tenant_id = '"
                + tenant + "') execute function " + name + "()");
        return name;
    }

    private static long attempts(String name) {
        return Db.count("select last_value - 1 + (case when is_called then 1 else 0 end) from " + name + "_attempts");
    }

    private static void heal(String name) {
        Db.execute("drop trigger if exists " + name + " on audit_event");
    }

    @Test
    void aBatchWhoseTransactionFailsStoresNothingOfAnyOfItsTenants() {
        String fault = failInsertsOf(tenantB);
        try {
            List<NewAuditEvent> batch = List.of(
                    customerEvent(tenantA, UUID.randomUUID(), CREATED, "a-1", "{\"email\":\"a1@example.com\"}"),
                    customerEvent(tenantB, UUID.randomUUID(), CREATED, "b-1", "{\"email\":\"b1@example.com\"}"),
                    customerEvent(tenantA, UUID.randomUUID(), UPDATED, "a-1", "{\"name\":\"A\"}"));
            assertThatThrownBy(() -> trail.appendAll(batch).await().atMost(Duration.ofSeconds(30)))
                    .isInstanceOf(io.fieldsales.platform.db.TransientDatabaseException.class);
            assertThat(Db.count("select count(*) from audit_event where tenant_id in (?, ?)", tenantA, tenantB))
                    .isZero();
            assertThat(Db.count("select count(*) from audit_chain_head where tenant_id = ? and last_sequence > 0",
                    tenantA)).isZero();
        } finally {
            heal(fault);
        }
    }

    private static Map<TopicPartition, Long> committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("audit-service")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> out = new HashMap<>();
            OffsetAndMetadata o = offsets.get(partition);
            out.put(partition, o == null ? -1L : o.offset());
            return out;
        }
    }

    @Test
    void aFailingBatchIsRetriedWholeAndItsOffsetsAreCommittedOnlyAfterTheDatabaseCommit() throws Exception {
        int partition = 1;
        TopicPartition tp = new TopicPartition("customer.events", partition);
        String fault = failInsertsOf(tenantB);
        List<UUID> ids = new ArrayList<>();
        List<Long> offsets;
        try {
            try (TestEvents events = TestEvents.batched()) {
                for (int i = 0; i < 6; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    events.send("customer.events", partition, id, i % 2 == 0 ? tenantA : tenantB, UPDATED,
                            "c-" + i, "rep-1", null, "{\"name\":\"N" + i + "\"}");
                }
                offsets = events.flush();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(fault) >= 2);
            // retried, and in the meantime nothing of the batch is stored and its offsets are not committed
            assertThat(Db.count("select count(*) from audit_event where tenant_id in (?, ?)", tenantA, tenantB))
                    .isZero();
            assertThat(committed(tp).get(tp)).isLessThanOrEqualTo(offsets.get(1));
        } finally {
            heal(fault);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("select count(*) from audit_event where tenant_id in (?, ?)", tenantA, tenantB) == 6);
        assertThat(eventIdsInChainOrder(tenantA)).containsExactly(ids.get(0).toString(), ids.get(2).toString(),
                ids.get(4).toString());
        assertThat(eventIdsInChainOrder(tenantB)).containsExactly(ids.get(1).toString(), ids.get(3).toString(),
                ids.get(5).toString());
        assertVerifies(tenantA, 3);
        assertVerifies(tenantB, 3);
        long last = offsets.get(offsets.size() - 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> committed(tp).get(tp) > last);
    }

    @Test
    void aBatchWithTenantsDuplicatesPoisonAndForeignSourcesStoresTheGoodOnesInOrderAndDeadLettersTheRest() {
        String marker = "batch-" + UUID.randomUUID();
        int partition = 2;
        List<UUID> goodA = new ArrayList<>();
        List<UUID> goodB = new ArrayList<>();
        UUID foreign = UUID.randomUUID();
        try (TopicProbe dlq = TopicProbe.on("audit.dlq")) {
            try (TestEvents events = TestEvents.batched()) {
                for (int i = 0; i < 4; i++) {
                    UUID a = UUID.randomUUID();
                    goodA.add(a);
                    events.send("customer.events", partition, a, tenantA, i == 0 ? CREATED : UPDATED, marker, "rep-1",
                            null, "{\"name\":\"Lindiwe " + i + "\",\"email\":\"l" + i + "@example.com\"}");
                    if (i == 1) {
                        // poison: broken JSON, in the middle of the batch
                        events.sendRaw("customer.events", partition, marker, "{\"id\": oops", Map.of(
                                "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", UPDATED,
                                "ce_source", "customer-service", "ce_tenantid", tenantA.toString()));
                        // a foreign source on customer.events
                        events.sendFrom("order-service", "customer.events", partition, foreign, tenantB, UPDATED,
                                marker, "rep-1", null, "{}");
                        // a duplicate of the first good one
                        events.send("customer.events", partition, goodA.get(0), tenantA, CREATED, marker, "rep-1",
                                null, "{\"name\":\"Lindiwe 0\",\"email\":\"l0@example.com\"}");
                    }
                    UUID b = UUID.randomUUID();
                    goodB.add(b);
                    events.send("customer.events", partition, b, tenantB, UPDATED, marker, "rep-2", null,
                            "{\"phone\":\"+2782000000" + i + "\"}");
                }
            }
            List<ConsumerRecord<String, String>> dead = dlq.await(r -> marker.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(dead).extracting(r -> TopicProbe.header(r, "dead-letter-reason"))
                    .anySatisfy(reason -> assertThat(reason).contains("not valid JSON"))
                    .anySatisfy(reason -> assertThat(reason).contains("source order-service does not own customer.events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> eventIdsInChainOrder(tenantA).size() == 4
                    && eventIdsInChainOrder(tenantB).size() == 4);
        }
        assertThat(eventIdsInChainOrder(tenantA)).containsExactlyElementsOf(goodA.stream().map(UUID::toString).toList());
        assertThat(eventIdsInChainOrder(tenantB)).containsExactlyElementsOf(goodB.stream().map(UUID::toString).toList());
        assertThat(Db.count("select count(*) from audit_event where event_id = ?", foreign)).isZero();
        assertThat(Db.sequences(tenantA)).containsExactlyElementsOf(LongStream.rangeClosed(1, 4).boxed().toList());
        assertVerifies(tenantA, 4);
        assertVerifies(tenantB, 4);
    }
}
