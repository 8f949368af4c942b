package io.fieldsales.order.api;

import static io.fieldsales.order.TenantFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.order.EventsFixture;
import io.fieldsales.order.TenantFixture;
import io.fieldsales.order.events.OrderEventTypes;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every event type arrives on order.events as a CloudEvent, through the outbox; cash settlement completes. */
@QuarkusTest
class OrderEventsTest {

    private final TenantFixture t = new TenantFixture();
    private final ObjectMapper json = new ObjectMapper();

    private String pendingApproval(String orderId) {
        return t.asRep().get("/api/v1/orders/" + orderId).then().extract()
                .path("approvals.find { it.status == 'PENDING' }.id");
    }

    @Test
    void everyTypeArrivesWithCloudEventsHeaders() throws Exception {
        UUID customer = t.customer();
        t.product("EV1", "20.00");
        t.stock("WH", "EV1", 50);
        t.asAdmin().body("{\"from\":\"WH\",\"to\":\"VAN-1\",\"sku\":\"EV1\",\"quantity\":30}")
                .post("/api/v1/stock/transfers").then().statusCode(201);

        String quotation = t.asRep().body("{\"customerId\":\"" + customer + "\",\"location\":\"VAN-1\",\"lines\":["
                + line("EV1", 2) + "]}").post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        t.asRep().header("If-Match", "\"0\"").post("/api/v1/quotations/" + quotation + "/send").then().statusCode(200);
        String fromQuote = t.asRep().header("If-Match", "\"1\"").post("/api/v1/quotations/" + quotation + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).extract().path("orderId");

        String discounted = t.order(customer, "VAN-1", line("EV1", 1, "15"));
        t.asUser("boss", "manager").body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/approvals/" + pendingApproval(discounted) + "/decision").then().statusCode(200);
        t.asRep().header("If-Match", "\"" + t.version(discounted) + "\"").body("{\"lines\":[" + line("EV1", 2) + "]}")
                .patch("/api/v1/orders/" + discounted).then().statusCode(200);
        t.transition(discounted, "cancel", "{\"reason\":\"shop closed\"}").statusCode(200);

        t.transition(fromQuote, "fulfil", null).statusCode(200);
        t.transition(fromQuote, "deliver", "{\"receivedBy\":\"Owner\"}").statusCode(200);
        EventsFixture.publish("cash.events", "io.fieldsales.cash.receivable.settled.v1", t.tenant, fromQuote,
                "{\"receivableId\":\"" + UUID.randomUUID() + "\",\"orderId\":\"" + fromQuote + "\",\"customerId\":\""
                        + customer + "\",\"amount\":46.00,\"currency\":\"ZAR\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> t.asRep().get("/api/v1/orders/" + fromQuote)
                .then().body("status", equalTo("COMPLETED")));

        String ret = t.asRep().body("{\"lines\":[{\"sku\":\"EV1\",\"quantity\":1,\"reason\":\"dented\"}]}")
                .post("/api/v1/orders/" + fromQuote + "/returns").then().statusCode(201).extract().path("id");
        String note = t.asRep().header("If-Match", "\"0\"").body("{\"location\":\"VAN-1\",\"condition\":\"DAMAGED\"}")
                .post("/api/v1/returns/" + ret + "/receive").then().statusCode(200).extract().path("creditNote.id");
        t.asRep().body("{\"method\":\"CASH\",\"amount\":5.00}").post("/api/v1/credit-notes/" + note + "/refunds")
                .then().statusCode(201);

        try (TopicProbe probe = TopicProbe.on(OrderEventTypes.TOPIC)) {
            List<ConsumerRecord<String, String>> records = probe.await(
                    TopicProbe.withHeader("ce_tenantid", t.tenant.toString()), 21, Duration.ofSeconds(60));
            Set<String> types = records.stream().map(r -> TopicProbe.header(r, "ce_type")).collect(Collectors.toSet());
            assertThat(types).containsExactlyInAnyOrderElementsOf(OrderEventTypes.ALL);
            for (ConsumerRecord<String, String> r : records) {
                assertThat(TopicProbe.header(r, "ce_specversion")).isEqualTo("1.0");
                assertThat(TopicProbe.header(r, "ce_id")).isNotBlank();
                assertThat(TopicProbe.header(r, "ce_source")).isNotBlank();
                assertThat(TopicProbe.header(r, "ce_time")).isNotBlank();
                assertThat(TopicProbe.header(r, "ce_subject")).isEqualTo(r.key());
                JsonNode data = json.readTree(r.value());
                String type = TopicProbe.header(r, "ce_type");
                if (type.contains(".order.order.")) {
                    assertThat(data.path("orderId").asText()).isEqualTo(r.key());
                    assertThat(data.path("customerId").asText()).isEqualTo(customer.toString());
                    assertThat(data.path("repId").asText()).isEqualTo("sales_rep-user");
                    assertThat(data.path("lines").isArray()).isTrue();
                }
                if (type.equals(OrderEventTypes.ORDER_DELIVERED)) {
                    assertThat(data.path("amountDue").decimalValue()).isEqualByComparingTo("46.00");
                    assertThat(data.path("paymentTerms").asText()).isEqualTo("COD");
                }
                if (type.equals(OrderEventTypes.REFUND_ISSUED)) {
                    assertThat(data.path("method").asText()).isEqualTo("CASH");
                    assertThat(data.path("creditNoteId").asText()).isEqualTo(note);
                    assertThat(data.path("orderId").asText()).isEqualTo(fromQuote);
                    assertThat(data.path("amount").decimalValue()).isEqualByComparingTo("5");
                }
            }
        }
    }
}
