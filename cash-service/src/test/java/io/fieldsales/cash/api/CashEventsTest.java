package io.fieldsales.cash.api;

import static io.fieldsales.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.cash.CashTestInfra;
import io.fieldsales.cash.Db;
import io.fieldsales.cash.OrderEvents;
import io.fieldsales.cash.TenantFixture;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CashEventsTest extends CashTestInfra {

    static final Set<String> EVERY_TYPE = Set.of(
            "io.fieldsales.cash.cash-session.opened.v1", "io.fieldsales.cash.collection.recorded.v1",
            "io.fieldsales.cash.collection.allocated.v1", "io.fieldsales.cash.payout.recorded.v1",
            "io.fieldsales.cash.cash-session.closed.v1", "io.fieldsales.cash.variance.flagged.v1",
            "io.fieldsales.cash.variance.decided.v1", "io.fieldsales.cash.deposit.created.v1",
            "io.fieldsales.cash.deposit.confirmed.v1", "io.fieldsales.cash.deposit.disputed.v1",
            "io.fieldsales.cash.receivable.opened.v1", "io.fieldsales.cash.receivable.settled.v1",
            "io.fieldsales.cash.receivable-payment.recorded.v1");

    @Test
    void everyEventTypeArrivesOnCashEventsWithCloudEventsHeaders() {
        TenantFixture t = new TenantFixture();
        UUID order = UUID.randomUUID();
        UUID creditOrder = UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.on("cash.events"); OrderEvents orders = new OrderEvents()) {
            String s1 = t.open("100");
            TenantFixture.collect(t.asRep(), s1, "10", "CASH", order.toString()).statusCode(201);
            t.payout(s1, "5", "parking").statusCode(201);
            orders.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, order.toString(),
                    OrderEvents.delivered(order, UUID.randomUUID(), t.userOf("sales_rep"), "10", "ZAR", "COD"));
            orders.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, creditOrder.toString(),
                    OrderEvents.delivered(creditOrder, UUID.randomUUID(), t.userOf("sales_rep"), "40", "ZAR", "CREDIT"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                    "select count(*) from receivable where tenant_id = ? and status = 'SETTLED'", t.tenant) == 1);
            t.close(s1, "95").statusCode(200);
            t.decide(t.as("supervisor"), s1, "APPROVE", "COUNT_ERROR").statusCode(200);
            String deposit = t.as("cashier").body(DepositResourceTest.body("95", null, s1)).post("/api/v1/deposits")
                    .then().statusCode(201).extract().path("id");
            t.as("finance").body("{\"bankReference\":\"B1\",\"confirmedAmount\":90}")
                    .post("/api/v1/deposits/" + deposit + "/confirm").then().statusCode(200);
            t.as("finance").body("{\"bankReference\":\"B2\",\"confirmedAmount\":95}")
                    .post("/api/v1/deposits/" + deposit + "/confirm").then().statusCode(200);
            // the CREDIT delivery is its own record: its receivable may open after the COD one settled
            await().atMost(Duration.ofSeconds(30)).until(() -> Db.text(
                    "select id::text from receivable where order_id = ?", creditOrder) != null);
            String receivable = Db.text("select id::text from receivable where order_id = ?", creditOrder);
            t.as("finance").body("{\"amount\":15,\"method\":\"CHEQUE\",\"reference\":\"CHQ 12\"}")
                    .post("/api/v1/receivables/" + receivable + "/payments").then().statusCode(201);

            List<ConsumerRecord<String, String>> records = probe.await(
                    TopicProbe.withHeader("ce_tenantid", t.tenant.toString()), 15, Duration.ofSeconds(30));
            assertThat(records.stream().map(r -> header(r, "ce_type")).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrderElementsOf(EVERY_TYPE);
            for (ConsumerRecord<String, String> r : records) {
                assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
                assertThat(UUID.fromString(header(r, "ce_id"))).isNotNull();
                assertThat(header(r, "ce_source")).isEqualTo("cash-service");
                assertThat(header(r, "ce_subject")).isEqualTo(r.key());
                assertThat(Instant.parse(header(r, "ce_time").replace("+00:00", "Z"))).isNotNull();
                assertThat(r.value()).startsWith("{");
            }
            ConsumerRecord<String, String> recorded = records.stream()
                    .filter(r -> header(r, "ce_type").endsWith("collection.recorded.v1")).findFirst().orElseThrow();
            assertThat(header(recorded, "ce_actorid")).isEqualTo(t.userOf("sales_rep"));
            JsonPath data = new JsonPath(recorded.value());
            assertThat(data.getString("cashSessionId")).isEqualTo(s1);
            assertThat(data.getString("orderId")).isEqualTo(order.toString());
            ConsumerRecord<String, String> settled = records.stream()
                    .filter(r -> header(r, "ce_type").endsWith("receivable.settled.v1")).findFirst().orElseThrow();
            JsonPath settledData = new JsonPath(settled.value());
            assertThat(settledData.getString("orderId")).isEqualTo(order.toString());
            assertThat(settledData.getString("receivableId")).isNotBlank();
            assertThat(settledData.getString("customerId")).isNotBlank();
            assertThat(settledData.getString("currency")).isEqualTo("ZAR");
            assertThat(settledData.getDouble("amount")).isEqualTo(10.0);
        }
    }
}
