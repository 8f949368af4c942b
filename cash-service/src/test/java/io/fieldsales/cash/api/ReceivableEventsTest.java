package io.fieldsales.cash.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.cash.CashTestInfra;
import io.fieldsales.cash.Db;
import io.fieldsales.cash.OrderEvents;
import io.fieldsales.cash.TenantFixture;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReceivableEventsTest extends CashTestInfra {

    static void awaitReceivable(TenantFixture t, UUID order) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from receivable where tenant_id = ? and order_id = ?", t.tenant, order) == 1);
    }

    @Test
    void aDeliveredCodOrderBecomesAReceivableOnceHoweverOftenItIsDelivered() {
        TenantFixture t = new TenantFixture();
        UUID order = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String data = OrderEvents.delivered(order, customer, t.userOf("sales_rep"), "120.50", "ZAR", "COD");
        try (OrderEvents events = new OrderEvents()) {
            events.send(eventId, t.tenant, OrderEvents.DELIVERED, order.toString(), data);
            awaitReceivable(t, order);
            events.send(eventId, t.tenant, OrderEvents.DELIVERED, order.toString(), data);
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, order.toString(), data);
            // a marker event behind the redeliveries: once it is processed, so are they (same partition, same key)
            events.send(UUID.randomUUID(), t.tenant, "io.fieldsales.order.order.confirmed.v1", order.toString(), "{}");
            UUID marker = UUID.randomUUID();
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, order.toString(),
                    OrderEvents.delivered(marker, UUID.randomUUID(), "rep-x", "1", "ZAR", "COD"));
            awaitReceivable(t, marker);
        }
        assertThat(Db.count("select count(*) from receivable where tenant_id = ? and order_id = ?", t.tenant, order))
                .isEqualTo(1);
        t.as("finance").get("/api/v1/receivables?customerId=" + customer).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].amountDue", equalTo(120.50f)).body("items[0].paymentTerms", equalTo("COD"))
                .body("items[0].dueDate", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("items[0].repId", equalTo(t.userOf("sales_rep"))).body("items[0].ageBucket", equalTo("0-30"))
                .body("ageing.'0-30'", equalTo(120.5f));
    }

    @Test
    void aCollectionBeforeTheDeliveryIsAllocatedWhenItArrivesAndSettlesIt() {
        TenantFixture t = new TenantFixture();
        UUID order = UUID.randomUUID();
        String session = t.open("0");
        String collection = TenantFixture.collect(t.asRep(), session, "80.00", "CASH", order.toString()).statusCode(201)
                .body("allocatedAmount", equalTo(0.00f)).extract().path("id");
        try (TopicProbe probe = TopicProbe.on("cash.events"); OrderEvents events = new OrderEvents()) {
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, order.toString(),
                    OrderEvents.delivered(order, UUID.randomUUID(), t.userOf("sales_rep"), "80.00", "ZAR", "COD"));
            awaitReceivable(t, order);
            var settled = probe.await(TopicProbe.withHeader("ce_tenantid", t.tenant.toString())
                    .and(TopicProbe.withHeader("ce_type", "io.fieldsales.cash.receivable.settled.v1")), 1,
                    Duration.ofSeconds(30));
            assertThat(settled).hasSize(1);
            var data = new io.restassured.path.json.JsonPath(settled.get(0).value());
            assertThat(data.getString("orderId")).isEqualTo(order.toString());
            assertThat(data.getDouble("amount")).isEqualTo(80.0);
        }
        assertThat(new BigDecimal(Db.text("select allocated_amount::text from collection where id = ?",
                UUID.fromString(collection)))).isEqualByComparingTo("80");
        assertThat(Db.count("select count(*) from allocation where collection_id = ?", UUID.fromString(collection)))
                .isEqualTo(1);
        assertThat(Db.text("select status from receivable where order_id = ?", order)).isEqualTo("SETTLED");
    }

    @Test
    void collectionsAgainstAKnownReceivableMayNotExceedWhatIsDueAndFinancePaysTheRest() {
        TenantFixture t = new TenantFixture();
        UUID order = UUID.randomUUID();
        try (OrderEvents events = new OrderEvents()) {
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, order.toString(),
                    OrderEvents.delivered(order, UUID.randomUUID(), t.userOf("sales_rep"), "100.00", "ZAR", "CREDIT"));
        }
        awaitReceivable(t, order);
        String receivable = Db.text("select id::text from receivable where order_id = ?", order);
        assertThat(Db.text("select due_date::text from receivable where order_id = ?", order))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        String session = t.open("0");
        TenantFixture.collect(t.asRep(), session, "100.01", "CASH", order.toString()).statusCode(422)
                .body("code", equalTo("overpayment"));
        TenantFixture.collect(t.asRep(), session, "60", "MOBILE_MONEY", order.toString()).statusCode(201)
                .body("allocatedAmount", equalTo(60.00f));
        String pay = "{\"amount\":40,\"method\":\"BANK_TRANSFER\",\"reference\":\"EFT 991\"}";
        t.as("sales_rep").header("Idempotency-Key", "pay-1").body(pay)
                .post("/api/v1/receivables/" + receivable + "/payments").then().statusCode(403);
        t.as("finance").header("Idempotency-Key", "pay-1").body(pay)
                .post("/api/v1/receivables/" + receivable + "/payments").then().statusCode(201)
                .body("status", equalTo("SETTLED")).body("outstanding", equalTo(0.00f));
        t.as("finance").header("Idempotency-Key", "pay-1").body(pay)
                .post("/api/v1/receivables/" + receivable + "/payments").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        assertThat(Db.count("select count(*) from receivable_payment where receivable_id = ?",
                UUID.fromString(receivable))).isEqualTo(1);
        t.as("finance").body(pay).post("/api/v1/receivables/" + receivable + "/payments").then().statusCode(409)
                .body("code", equalTo("receivable_settled"));
    }

    @Test
    void overdueReceivablesShowInTheirAgeingBuckets() {
        TenantFixture t = new TenantFixture();
        UUID old = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        try (OrderEvents events = new OrderEvents()) {
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, old.toString(),
                    OrderEvents.delivered(old, UUID.randomUUID(), "rep-a", "70", "ZAR", "CREDIT"));
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, fresh.toString(),
                    OrderEvents.delivered(fresh, UUID.randomUUID(), "rep-a", "30", "ZAR", "CREDIT"));
        }
        awaitReceivable(t, old);
        awaitReceivable(t, fresh);
        Db.execute("update receivable set due_date = current_date - 75 where order_id = ?", old);
        t.as("finance").get("/api/v1/receivables?overdue=true").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].orderId", equalTo(old.toString()))
                .body("items[0].daysOverdue", equalTo(75)).body("items[0].ageBucket", equalTo("61-90"));
        t.as("finance").get("/api/v1/receivables?rep=rep-a&status=OPEN").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("ageing.'61-90'", equalTo(70f))
                .body("ageing.'0-30'", equalTo(30f));
    }

    @Test
    void aCashRefundIsPaidOutOfTheOpenSessionAndRedeliveryChangesNothing() {
        TenantFixture t = new TenantFixture();
        String session = t.open("200");
        UUID refund = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String data = OrderEvents.refund(refund, UUID.randomUUID(), UUID.randomUUID(), t.userOf("sales_rep"), "CASH",
                "35.00", "ZAR");
        try (OrderEvents events = new OrderEvents()) {
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.REFUND_ISSUED, refund.toString(),
                    OrderEvents.refund(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), t.userOf("sales_rep"),
                            "BANK_TRANSFER", "99", "ZAR"));
            events.send(eventId, t.tenant, OrderEvents.REFUND_ISSUED, refund.toString(), data);
            await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                    "select count(*) from payout where refund_id = ?", refund) == 1);
            events.send(eventId, t.tenant, OrderEvents.REFUND_ISSUED, refund.toString(), data);
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.REFUND_ISSUED, refund.toString(), data);
            UUID marker = UUID.randomUUID();
            events.send(marker, t.tenant, OrderEvents.REFUND_ISSUED, refund.toString(), OrderEvents.refund(
                    UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "nobody-" + marker, "CASH", "1", "ZAR"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                    "select count(*) from processed_event where event_id = ?", marker) == 1);
        }
        assertThat(Db.count("select count(*) from payout where session_id = ?", UUID.fromString(session))).isEqualTo(1);
        t.as("supervisor").get("/api/v1/cash-sessions/" + session).then().body("totals.payouts", equalTo(35.00f))
                .body("expectedCash", equalTo(165.00f));
    }

    @Test
    void aCashRefundWithoutAnOpenSessionWaitsForTheNextOpen() {
        TenantFixture t = new TenantFixture();
        UUID refund = UUID.randomUUID();
        try (OrderEvents events = new OrderEvents()) {
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.REFUND_ISSUED, refund.toString(),
                    OrderEvents.refund(refund, UUID.randomUUID(), UUID.randomUUID(), t.userOf("sales_rep"), "CASH",
                            "12.00", "ZAR"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from pending_refund where refund_id = ?", refund) == 1);
        String session = t.open("50");
        assertThat(Db.count("select count(*) from payout where refund_id = ? and session_id = ?", refund,
                UUID.fromString(session))).isEqualTo(1);
        assertThat(Db.count("select count(*) from pending_refund where refund_id = ? and applied_payout_id is not null",
                refund)).isEqualTo(1);
        t.as("supervisor").get("/api/v1/cash-sessions/" + session).then().body("expectedCash", equalTo(38.00f));
    }

    @Test
    void anOrderEventThatCanNeverBeProcessedGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        TenantFixture t = new TenantFixture();
        UUID order = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        try (TopicProbe dlq = TopicProbe.on("order.events.dlq"); OrderEvents events = new OrderEvents()) {
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, order.toString(),
                    "{\"orderId\":\"" + order + "\",\"amountDue\":12.345,\"currency\":\"ZAR\"}");
            var dead = dlq.await(r -> order.toString().equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(dead).hasSize(1);
            assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).contains("amountDue");
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, order.toString(),
                    OrderEvents.delivered(next, UUID.randomUUID(), "rep-x", "5", "ZAR", "COD"));
            awaitReceivable(t, next);
        }
        assertThat(Db.count("select count(*) from receivable where tenant_id = ? and order_id = ?", t.tenant, order))
                .isZero();
    }
}
