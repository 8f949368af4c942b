package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * cash-service's events as it serializes them (JSON copied from its records, no dependency on its code): each is
 * stored with its entity and references, so a cash session's timeline shows its collections, counts, decisions and
 * deposit, and an order's timeline shows its receivable and payments.
 */
@QuarkusTest
class CashEventsAuditTest {

    private final UUID tenant = UUID.randomUUID();
    private final String auditor = TestTokens.forTenant(tenant).user("auditor-1").roles("auditor").mint();

    @Test
    void cashEventsAreStoredWithTheirEntitiesAndLinkedTimelines() {
        String session = UUID.randomUUID().toString();
        String collection = UUID.randomUUID().toString();
        String count = UUID.randomUUID().toString();
        String deposit = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String customer = UUID.randomUUID().toString();
        String receivable = UUID.randomUUID().toString();
        String payment = UUID.randomUUID().toString();
        String rep = "rep-7";
        String t = "2026-11-30T13:22:15.123456Z";
        try (TestEvents events = new TestEvents()) {
            send(events, "cash-session.opened", session, "{\"cashSessionId\":\"" + session + "\",\"ownerId\":\"" + rep
                    + "\",\"openingFloat\":100.0000,\"currency\":\"ZAR\",\"deviceId\":null,\"location\":\"Depot North\","
                    + "\"openedAt\":\"" + t + "\"}");
            send(events, "collection.recorded", collection, "{\"collectionId\":\"" + collection + "\",\"cashSessionId\":\""
                    + session + "\",\"ownerId\":\"" + rep + "\",\"amount\":80.0000,\"currency\":\"ZAR\",\"method\":\"CASH\","
                    + "\"orderId\":\"" + order + "\",\"customerId\":null,\"reference\":null,\"recordedAt\":\"" + t + "\"}");
            send(events, "receivable.opened", receivable, "{\"receivableId\":\"" + receivable + "\",\"kind\":\"ORDER\","
                    + "\"orderId\":\"" + order + "\",\"customerId\":\"" + customer + "\",\"repId\":\"" + rep
                    + "\",\"cashSessionId\":null,\"amountDue\":100.0000,\"currency\":\"ZAR\",\"dueDate\":\"2026-11-30\"}");
            send(events, "collection.allocated", collection, "{\"collectionId\":\"" + collection + "\",\"cashSessionId\":\""
                    + session + "\",\"receivableId\":\"" + receivable + "\",\"orderId\":\"" + order + "\",\"customerId\":\""
                    + customer + "\",\"amount\":80.0000,\"currency\":\"ZAR\",\"outstanding\":20.0000}");
            send(events, "cash-session.closed", session, "{\"cashSessionId\":\"" + session + "\",\"countId\":\"" + count
                    + "\",\"countNumber\":1,\"ownerId\":\"" + rep + "\",\"countedCash\":150.0000,\"expectedCash\":180.0000,"
                    + "\"variance\":-30.0000,\"currency\":\"ZAR\",\"varianceTier\":\"SUPERVISOR\",\"status\":\"PENDING_APPROVAL\"}");
            send(events, "variance.flagged", session, "{\"cashSessionId\":\"" + session + "\",\"countId\":\"" + count
                    + "\",\"ownerId\":\"" + rep + "\",\"variance\":-30.0000,\"expectedCash\":180.0000,\"countedCash\":150.0000,"
                    + "\"currency\":\"ZAR\",\"varianceTier\":\"SUPERVISOR\",\"awaiting\":\"SUPERVISOR\"}");
            send(events, "variance.decided", session, "{\"cashSessionId\":\"" + session + "\",\"countId\":\"" + count
                    + "\",\"ownerId\":\"" + rep + "\",\"step\":\"SUPERVISOR\",\"decision\":\"APPROVE\",\"reasonCode\":"
                    + "\"COUNT_ERROR\",\"comment\":\"checked\",\"decidedBy\":\"sup-1\",\"status\":\"CLOSED\","
                    + "\"variance\":-30.0000,\"currency\":\"ZAR\",\"receivableId\":null}");
            send(events, "deposit.created", deposit, "{\"depositId\":\"" + deposit + "\",\"cashSessionIds\":[\"" + session
                    + "\"],\"amount\":150.0000,\"expectedAmount\":150.0000,\"currency\":\"ZAR\",\"bankAccount\":\"FNB 1\","
                    + "\"slipNumber\":\"S-1\",\"depositedAt\":\"" + t + "\",\"discrepancyReason\":null,\"flagged\":false}");
            send(events, "deposit.confirmed", deposit, "{\"depositId\":\"" + deposit + "\",\"cashSessionIds\":[\"" + session
                    + "\"],\"confirmedAmount\":150.0000,\"currency\":\"ZAR\",\"bankReference\":\"B-1\"}");
            send(events, "receivable-payment.recorded", receivable, "{\"paymentId\":\"" + payment + "\",\"receivableId\":\""
                    + receivable + "\",\"orderId\":\"" + order + "\",\"customerId\":\"" + customer + "\",\"amount\":20.0000,"
                    + "\"currency\":\"ZAR\",\"method\":\"BANK_TRANSFER\",\"reference\":\"EFT 1\"}");
            send(events, "receivable.settled", receivable, "{\"receivableId\":\"" + receivable + "\",\"orderId\":\"" + order
                    + "\",\"customerId\":\"" + customer + "\",\"amount\":100.0000,\"currency\":\"ZAR\"}");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from audit_event where tenant_id = ? and topic = 'cash.events'", tenant) == 11);

        JsonPath closed = events("io.fieldsales.cash.cash-session.closed.v1");
        assertThat(closed.getString("items[0].entityType")).isEqualTo("cash-session");
        assertThat(closed.getString("items[0].entityId")).isEqualTo(session);
        JsonPath recorded = events("io.fieldsales.cash.collection.recorded.v1");
        assertThat(recorded.getString("items[0].entityType")).isEqualTo("collection");
        assertThat(recorded.getList("items[0].refs", String.class))
                .contains("cash-session:" + session, "order:" + order);
        JsonPath deposited = events("io.fieldsales.cash.deposit.created.v1");
        assertThat(deposited.getString("items[0].entityType")).isEqualTo("deposit");
        assertThat(deposited.getList("items[0].refs", String.class)).contains("cash-session:" + session);
        JsonPath opened = events("io.fieldsales.cash.receivable.opened.v1");
        assertThat(opened.getString("items[0].entityType")).isEqualTo("receivable");
        assertThat(opened.getList("items[0].refs", String.class)).contains("order:" + order, "customer:" + customer);

        List<String> sessionTimeline = timeline("cash-session", session);
        assertThat(sessionTimeline).contains("io.fieldsales.cash.cash-session.opened.v1",
                "io.fieldsales.cash.collection.recorded.v1", "io.fieldsales.cash.collection.allocated.v1",
                "io.fieldsales.cash.cash-session.closed.v1", "io.fieldsales.cash.variance.flagged.v1",
                "io.fieldsales.cash.variance.decided.v1", "io.fieldsales.cash.deposit.created.v1",
                "io.fieldsales.cash.deposit.confirmed.v1");
        List<String> orderTimeline = timeline("order", order);
        assertThat(orderTimeline).contains("io.fieldsales.cash.receivable.opened.v1",
                "io.fieldsales.cash.receivable-payment.recorded.v1", "io.fieldsales.cash.receivable.settled.v1",
                "io.fieldsales.cash.collection.recorded.v1");
    }

    private void send(TestEvents events, String typeStem, String subject, String data) {
        events.send("cash.events", tenant, "io.fieldsales.cash." + typeStem + ".v1", subject, "rep-7", null, data);
    }

    private JsonPath events(String type) {
        return given().auth().oauth2(auditor).queryParam("type", type).get("/api/v1/audit/events").then()
                .statusCode(200).extract().jsonPath();
    }

    private List<String> timeline(String type, String id) {
        return given().auth().oauth2(auditor).get("/api/v1/audit/entities/" + type + "/" + id + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("items.type", String.class);
    }
}
