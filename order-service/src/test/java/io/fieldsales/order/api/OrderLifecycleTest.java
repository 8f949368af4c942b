package io.fieldsales.order.api;

import static io.fieldsales.order.TenantFixture.line;
import static io.fieldsales.order.TenantFixture.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.fieldsales.order.Db;
import io.fieldsales.order.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderLifecycleTest {

    private final TenantFixture t = new TenantFixture();

    @Test
    void createReservesFulfilDecrementsDeliverFixesAmountDue() {
        UUID customer = t.customer();
        t.product("COLA", "10.00");
        t.product("CHIPS", "5.50");
        t.stock("VAN-1", "COLA", 20);
        t.stock("VAN-1", "CHIPS", 10);
        String id = t.createOrder(customer, "VAN-1", line("COLA", 3), line("CHIPS", 2, "5"))
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("CONFIRMED"))
                .body("paymentTerms", equalTo("COD"))
                .body("currency", equalTo("ZAR"))
                .body("subtotal", equalTo(40.45f))
                .body("lines", hasSize(2))
                .extract().path("id");
        assertThat(t.reserved("VAN-1", "COLA")).isEqualTo(3);
        assertThat(t.reserved("VAN-1", "CHIPS")).isEqualTo(2);
        t.asRep().get("/api/v1/orders/" + id).then().statusCode(200)
                .body("reservations", hasSize(2))
                .body("reservations[0].status", equalTo("HELD"))
                .body("statusHistory[0].to", equalTo("CONFIRMED"))
                .body("lines[1].manualDiscount", notNullValue());

        t.transition(id, "fulfil", null).statusCode(200).body("status", equalTo("FULFILLED"));
        assertThat(t.onHand("VAN-1", "COLA")).isEqualTo(17);
        assertThat(t.reserved("VAN-1", "COLA")).isZero();
        assertThat(Db.count("select count(*) from stock_movement where tenant_id = ? and kind = 'FULFILMENT'",
                t.tenant)).isEqualTo(2);

        t.transition(id, "deliver", "{\"receivedBy\":\"Mrs Dlamini\"}").statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("amountDue", equalTo(46.52f))
                .body("receivedBy", equalTo("Mrs Dlamini"));
        t.asAdmin().get("/api/v1/stock/consistency").then().statusCode(200).body("consistent", equalTo(true));
    }

    @Test
    void everyTransitionNotAllowedIs409NamingTheStatus() {
        UUID customer = t.customer();
        t.product("A1", "1.00");
        t.stock("W", "A1", 5);
        String id = t.order(customer, "W", line("A1", 1));
        t.transition(id, "deliver", "{\"receivedBy\":\"x\"}").statusCode(409)
                .body("code", equalTo("invalid_transition")).body("currentStatus", equalTo("CONFIRMED"));
        t.transition(id, "cancel", null).statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(t.reserved("W", "A1")).isZero();
        for (String action : List.of("fulfil", "cancel")) {
            t.transition(id, action, null).statusCode(409).body("currentStatus", equalTo("CANCELLED"));
        }
        t.transition(id, "deliver", "{\"receivedBy\":\"x\"}").statusCode(409);
        String second = t.order(customer, "W", line("A1", 1));
        t.transition(second, "fulfil", null).statusCode(200);
        t.transition(second, "cancel", null).statusCode(409).body("currentStatus", equalTo("FULFILLED"));
        t.transition(second, "fulfil", null).statusCode(409);
    }

    @Test
    void changesNeedIfMatchAndTheCurrentVersion() {
        UUID customer = t.customer();
        t.product("B1", "1.00");
        t.stock("W", "B1", 5);
        String id = t.order(customer, "W", line("B1", 1));
        t.asRep().body("{}").post("/api/v1/orders/" + id + "/cancel").then().statusCode(428)
                .body("code", equalTo("precondition_required"));
        t.asRep().header("If-Match", "\"7\"").body("{}").post("/api/v1/orders/" + id + "/cancel").then()
                .statusCode(412).body("code", equalTo("version_conflict"));
        t.asRep().header("If-Match", "\"0\"").body("{}").post("/api/v1/orders/" + id + "/cancel").then()
                .statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aRetriedCreateWithTheSameKeyReservesOnce() {
        UUID customer = t.customer();
        t.product("C1", "2.00");
        t.stock("W", "C1", 10);
        String body = orderBody(customer, "W", line("C1", 4));
        String first = t.asRep().header("Idempotency-Key", "k-1").body(body).post("/api/v1/orders").then()
                .statusCode(201).extract().path("id");
        String again = t.asRep().header("Idempotency-Key", "k-1").body(body).post("/api/v1/orders").then()
                .statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(t.reserved("W", "C1")).isEqualTo(4);
        assertThat(Db.count("select count(*) from customer_order where tenant_id = ?", t.tenant)).isEqualTo(1);
    }

    @Test
    void shortageIs409ListingEveryShortLineAndCreatesNothing() {
        UUID customer = t.customer();
        t.product("D1", "1.00");
        t.product("D2", "1.00");
        t.product("D3", "1.00");
        t.stock("W", "D1", 5);
        t.stock("W", "D2", 1);
        t.createOrder(customer, "W", line("D1", 2), line("D2", 3), line("D3", 1)).statusCode(409)
                .body("code", equalTo("insufficient_stock"))
                .body("shortages", hasSize(2))
                .body("shortages[0].sku", equalTo("D2"))
                .body("shortages[0].available", equalTo(1))
                .body("shortages[1].sku", equalTo("D3"));
        assertThat(t.reserved("W", "D1")).isZero();
        assertThat(Db.count("select count(*) from customer_order where tenant_id = ?", t.tenant)).isZero();
    }

    @Test
    void listsFilterAndPageWithACursor() {
        UUID customer = t.customer();
        UUID other = t.customer();
        t.product("E1", "1.00");
        t.stock("W", "E1", 50);
        for (int i = 0; i < 5; i++) {
            t.order(i < 3 ? customer : other, "W", line("E1", 1));
        }
        String cursor = t.asRep().get("/api/v1/orders?customerId=" + customer + "&limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        t.asRep().get("/api/v1/orders?customerId=" + customer + "&limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", equalTo(null));
        t.asRep().get("/api/v1/orders?status=CONFIRMED&rep=sales_rep-user").then().statusCode(200)
                .body("items", hasSize(5));
        t.asRep().get("/api/v1/orders?status=NOPE").then().statusCode(400);
        t.asRep().get("/api/v1/orders?limit=500").then().statusCode(400);
        t.asRep().get("/api/v1/orders?cursor=garbage!").then().statusCode(400);
    }
}
