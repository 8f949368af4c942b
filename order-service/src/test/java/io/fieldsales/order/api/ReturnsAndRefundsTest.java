package io.fieldsales.order.api;

import static io.fieldsales.order.TenantFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.platform.testing.Concurrently;
import io.fieldsales.order.Db;
import io.fieldsales.order.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Returns never exceed deliveries; credit notes at frozen prices; refunds never exceed credit notes. */
@QuarkusTest
class ReturnsAndRefundsTest {

    private final TenantFixture t = new TenantFixture();

    private String deliveredOrder(String sku, String price, long quantity) {
        UUID customer = t.customer();
        t.product(sku, price);
        t.stock("VAN", sku, 100);
        String id = t.order(customer, "VAN", line(sku, quantity));
        t.transition(id, "fulfil", null).statusCode(200);
        t.transition(id, "deliver", "{\"receivedBy\":\"Shop owner\"}").statusCode(200);
        return id;
    }

    private String returnLines(String sku, long quantity) {
        return "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"reason\":\"broken seal\"}]}";
    }

    @Test
    void returnsNeverExceedWhatWasDelivered() {
        String order = deliveredOrder("R1", "10.00", 5);
        t.asRep().body(returnLines("R1", 3)).post("/api/v1/orders/" + order + "/returns").then().statusCode(201)
                .body("status", equalTo("APPROVED")).body("total", equalTo(34.5f));
        t.asRep().body(returnLines("R1", 3)).post("/api/v1/orders/" + order + "/returns").then().statusCode(422)
                .body("code", equalTo("return_exceeds_delivery"));
        t.asRep().body(returnLines("R1", 2)).post("/api/v1/orders/" + order + "/returns").then().statusCode(201);
        t.asRep().body(returnLines("OTHER", 1)).post("/api/v1/orders/" + order + "/returns").then().statusCode(422);
        UUID customer = t.customer();
        t.stock("VAN", "R1", 1);
        String open = t.order(customer, "VAN", line("R1", 1));
        t.asRep().body(returnLines("R1", 1)).post("/api/v1/orders/" + open + "/returns").then().statusCode(409)
                .body("code", equalTo("invalid_transition"));
    }

    @Test
    void receivingResaleableGoodsRestocksAndIssuesACreditNoteAtFrozenPrices() {
        String order = deliveredOrder("R2", "10.00", 4);
        // a later price change does not change what the return is worth
        String product = t.asAdmin().get("/api/v1/products?limit=200").then().extract()
                .path("items.find { it.sku == 'R2' }.id");
        t.asAdmin().header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body("{\"unitPrice\":99.00}").patch("/api/v1/products/" + product).then().statusCode(200);
        String ret = t.asRep().body(returnLines("R2", 2)).post("/api/v1/orders/" + order + "/returns").then()
                .statusCode(201).extract().path("id");
        long onHand = t.onHand("VAN", "R2");
        t.asRep().header("If-Match", "\"0\"").body("{\"location\":\"VAN\",\"condition\":\"RESALEABLE\"}")
                .post("/api/v1/returns/" + ret + "/receive").then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("creditNote.amount", equalTo(23.0f));
        assertThat(t.onHand("VAN", "R2")).isEqualTo(onHand + 2);
        t.asRep().header("If-Match", "\"1\"").body("{\"location\":\"VAN\",\"condition\":\"RESALEABLE\"}")
                .post("/api/v1/returns/" + ret + "/receive").then().statusCode(409);
        t.asAdmin().get("/api/v1/stock/consistency").then().statusCode(200).body("consistent", equalTo(true));
    }

    @Test
    void damagedGoodsAreWrittenOffWithAMovement() {
        String order = deliveredOrder("R3", "10.00", 2);
        String ret = t.asRep().body(returnLines("R3", 1)).post("/api/v1/orders/" + order + "/returns").then()
                .statusCode(201).extract().path("id");
        long onHand = t.onHand("VAN", "R3");
        t.asRep().header("If-Match", "\"0\"").body("{\"location\":\"VAN\",\"condition\":\"DAMAGED\"}")
                .post("/api/v1/returns/" + ret + "/receive").then().statusCode(200);
        assertThat(t.onHand("VAN", "R3")).isEqualTo(onHand);
        assertThat(Db.count("select count(*) from stock_movement where tenant_id = ? and kind = 'WRITE_OFF'",
                t.tenant)).isEqualTo(1);
    }

    @Test
    void aBigReturnNeedsAManager() {
        String order = deliveredOrder("R4", "300.00", 2);
        String ret = t.asRep().body(returnLines("R4", 2)).post("/api/v1/orders/" + order + "/returns").then()
                .statusCode(201).body("status", equalTo("REQUESTED")).extract().path("id");
        t.asRep().header("If-Match", "\"0\"").body("{\"location\":\"VAN\",\"condition\":\"RESALEABLE\"}")
                .post("/api/v1/returns/" + ret + "/receive").then().statusCode(409);
        String approval = t.asUser("boss", "manager").get("/api/v1/approvals?status=PENDING").then().statusCode(200)
                .extract().path("items[0].id");
        t.asUser("boss", "manager").body("{\"decision\":\"APPROVE\"}").post("/api/v1/approvals/" + approval
                + "/decision").then().statusCode(200);
        t.asRep().get("/api/v1/returns/" + ret).then().body("status", equalTo("APPROVED"));
    }

    @Test
    void refundsAreCappedByTheCreditNoteEvenUnderTenConcurrentAttempts() throws Exception {
        String order = deliveredOrder("R5", "10.00", 10);
        String ret = t.asRep().body(returnLines("R5", 4)).post("/api/v1/orders/" + order + "/returns").then()
                .statusCode(201).extract().path("id");
        String note = t.asRep().header("If-Match", "\"0\"").body("{\"location\":\"VAN\",\"condition\":\"RESALEABLE\"}")
                .post("/api/v1/returns/" + ret + "/receive").then().statusCode(200).extract().path("creditNote.id");
        // 46.00 credit: 10 concurrent refunds of 10.00 -> exactly 4 pass
        List<Integer> statuses = Concurrently.run(10, 10, i -> t.asUser("rep-" + i, "sales_rep")
                .header("Idempotency-Key", "refund-" + i)
                .body("{\"method\":\"CASH\",\"amount\":10.00}").post("/api/v1/credit-notes/" + note + "/refunds")
                .then().extract().statusCode());
        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(byStatus).isEqualTo(Map.of(201, 4L, 409, 6L));
        assertThat(new BigDecimal(Db.text("select refunded from credit_note where id = ?", UUID.fromString(note))))
                .isEqualByComparingTo("40");
        t.asRep().header("Idempotency-Key", "last").body("{\"method\":\"STORE_CREDIT\",\"amount\":6.01}")
                .post("/api/v1/credit-notes/" + note + "/refunds").then().statusCode(409)
                .body("code", equalTo("refund_exceeds_credit"));
        t.asRep().body("{\"method\":\"ORIGINAL_PAYMENT\",\"amount\":6.00}")
                .post("/api/v1/credit-notes/" + note + "/refunds").then().statusCode(201)
                .body("creditNote.remaining", equalTo(0.0f));
        t.asRep().body("{\"method\":\"CASH\",\"amount\":1.001}").post("/api/v1/credit-notes/" + note + "/refunds")
                .then().statusCode(400).body("code", equalTo("invalid_amount"));
        t.asRep().body("{\"method\":\"CHEQUE\",\"amount\":1}").post("/api/v1/credit-notes/" + note + "/refunds")
                .then().statusCode(400);
    }
}
