package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * order-service's events, with data shaped exactly as its payload records serialize (audit depends on the event
 * contract only): each is stored under the entity the type names, with references that put returns and refunds on
 * their order's timeline and orders on their customer's.
 */
@QuarkusTest
class OrderEventsAuditTest {

    private final UUID tenant = UUID.randomUUID();
    private final String auditor = TestTokens.forTenant(tenant).user("auditor-1").roles("auditor").mint();

    @Test
    void orderEventsAreStoredWithTheirEntityAndReferences() {
        String customer = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String ret = UUID.randomUUID().toString();
        String note = UUID.randomUUID().toString();
        String refund = UUID.randomUUID().toString();
        String approval = UUID.randomUUID().toString();
        String quotation = UUID.randomUUID().toString();
        String lines = "[{\"sku\":\"COLA\",\"quantity\":2,\"netUnitPrice\":20.00,\"discountPercent\":0,"
                + "\"subtotal\":40.00,\"tax\":6.00,\"total\":46.00}]";
        String orderData = "{\"orderId\":\"" + order + "\",\"customerId\":\"" + customer + "\",\"repId\":\"rep-1\","
                + "\"location\":\"VAN-1\",\"status\":\"CONFIRMED\",\"previousStatus\":null,\"paymentTerms\":\"COD\","
                + "\"currency\":\"ZAR\",\"subtotal\":40.00,\"tax\":6.00,\"total\":46.00,\"amountDue\":null,"
                + "\"quotationId\":\"" + quotation + "\",\"receivedBy\":null,\"deliveredAt\":null,\"lines\":" + lines
                + ",\"reason\":\"created\"}";
        Map<String, String[]> events = new java.util.LinkedHashMap<>();
        events.put("io.fieldsales.order.quotation.created.v1", new String[] {quotation, "{\"quotationId\":\""
                + quotation + "\",\"customerId\":\"" + customer + "\",\"repId\":\"rep-1\",\"location\":\"VAN-1\","
                + "\"currency\":\"ZAR\",\"subtotal\":40.00,\"tax\":6.00,\"total\":46.00,"
                + "\"validUntil\":\"2026-12-31T00:00:00Z\",\"lines\":" + lines + "}"});
        for (String verb : List.of("created", "confirmed", "changed", "fulfilled", "delivered", "completed",
                "cancelled")) {
            events.put("io.fieldsales.order.order." + verb + ".v1", new String[] {order, orderData});
        }
        events.put("io.fieldsales.order.approval.requested.v1", new String[] {approval, "{\"approvalId\":\""
                + approval + "\",\"subjectType\":\"ORDER\",\"orderId\":\"" + order + "\",\"returnId\":null,"
                + "\"customerId\":\"" + customer + "\",\"requesterId\":\"rep-1\",\"roles\":[\"manager\"],"
                + "\"reason\":\"manual discount of 15 %\"}"});
        events.put("io.fieldsales.order.approval.decided.v1", new String[] {approval, "{\"approvalId\":\""
                + approval + "\",\"subjectType\":\"ORDER\",\"orderId\":\"" + order + "\",\"returnId\":null,"
                + "\"customerId\":\"" + customer + "\",\"step\":1,\"role\":\"manager\",\"decision\":\"APPROVE\","
                + "\"decidedBy\":\"boss\",\"comment\":\"ok\",\"status\":\"APPROVED\"}"});
        String returnData = "{\"returnId\":\"" + ret + "\",\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
                + "\",\"repId\":\"rep-1\",\"status\":\"APPROVED\",\"location\":null,\"condition\":null,"
                + "\"currency\":\"ZAR\",\"subtotal\":20.00,\"tax\":3.00,\"total\":23.00,\"lines\":[{\"sku\":\"COLA\","
                + "\"quantity\":1,\"reason\":\"dented\"}]}";
        events.put("io.fieldsales.order.return.requested.v1", new String[] {ret, returnData});
        events.put("io.fieldsales.order.return.received.v1", new String[] {ret, returnData});
        events.put("io.fieldsales.order.credit-note.issued.v1", new String[] {note, "{\"creditNoteId\":\"" + note
                + "\",\"returnId\":\"" + ret + "\",\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
                + "\",\"amount\":23.00,\"currency\":\"ZAR\"}"});
        events.put("io.fieldsales.order.refund.issued.v1", new String[] {refund, "{\"refundId\":\"" + refund
                + "\",\"creditNoteId\":\"" + note + "\",\"orderId\":\"" + order + "\",\"customerId\":\"" + customer
                + "\",\"repId\":\"rep-1\",\"method\":\"CASH\",\"amount\":5.00,\"currency\":\"ZAR\","
                + "\"refundedTotal\":5.00,\"creditAmount\":23.00}"});
        events.put("io.fieldsales.order.stock.adjusted.v1", new String[] {"COLA", "{\"location\":\"WH\","
                + "\"sku\":\"COLA\",\"delta\":50,\"onHand\":50,\"reserved\":0,\"reason\":\"delivery in\"}"});
        events.put("io.fieldsales.order.stock.transferred.v1", new String[] {"COLA", "{\"fromLocation\":\"WH\","
                + "\"toLocation\":\"VAN-1\",\"sku\":\"COLA\",\"quantity\":30}"});
        try (TestEvents sender = new TestEvents()) {
            events.forEach((type, e) -> sender.send("order.events", tenant, type, e[0], "rep-1", "req-" + type,
                    e[1]));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count("select count(*) from audit_event"
                + " where tenant_id = ? and topic = 'order.events'", tenant) >= events.size());

        Map<String, String> expectedEntity = Map.of("quotation.created", "quotation", "order.created", "order",
                "approval.decided", "approval", "return.received", "return", "credit-note.issued", "credit-note",
                "refund.issued", "refund", "stock.adjusted", "stock", "stock.transferred", "stock");
        expectedEntity.forEach((type, entity) -> assertThat(Db.text("select entity_type from audit_event"
                + " where tenant_id = ? and event_type = ?", tenant, "io.fieldsales.order." + type + ".v1"))
                .as(type).isEqualTo(entity));
        assertThat(Db.text("select array_to_string(refs, ',') from audit_event where tenant_id = ? and event_type = ?",
                tenant, "io.fieldsales.order.refund.issued.v1"))
                .contains("credit-note:" + note, "order:" + order, "customer:" + customer);
        assertThat(Db.text("select array_to_string(refs, ',') from audit_event where tenant_id = ? and event_type = ?",
                tenant, "io.fieldsales.order.order.created.v1")).contains("customer:" + customer)
                .doesNotContain("order:" + order);

        List<String> orderTimeline = given().auth().oauth2(auditor)
                .get("/api/v1/audit/entities/order/" + order + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.type", String.class);
        assertThat(orderTimeline).contains("io.fieldsales.order.order.created.v1",
                "io.fieldsales.order.return.requested.v1", "io.fieldsales.order.credit-note.issued.v1",
                "io.fieldsales.order.refund.issued.v1");
        List<String> customerTimeline = given().auth().oauth2(auditor)
                .get("/api/v1/audit/entities/customer/" + customer + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.type", String.class);
        assertThat(customerTimeline).contains("io.fieldsales.order.order.created.v1",
                "io.fieldsales.order.order.delivered.v1");
    }
}
