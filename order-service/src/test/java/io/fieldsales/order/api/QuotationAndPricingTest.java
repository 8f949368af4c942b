package io.fieldsales.order.api;

import static io.fieldsales.order.TenantFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.fieldsales.order.Db;
import io.fieldsales.order.TenantFixture;
import io.fieldsales.platform.testing.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** Quotes explain every rule; orders freeze their prices; quotations become orders at the quoted prices. */
@QuarkusTest
class QuotationAndPricingTest {

    private final TenantFixture t = new TenantFixture();

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void quoteExplainsRulesAndOrdersKeepFrozenPrices() {
        UUID customer = t.customer();
        t.product("Q1", "100.00");
        t.stock("W", "Q1", 10);
        String rule = t.asAdmin().body("{\"name\":\"Gold shops\",\"priority\":10,\"conditions\":{\"customerTags\":"
                + "[\"gold\"]},\"action\":\"PERCENT_OFF\",\"value\":10}").post("/api/v1/pricing-rules").then()
                .statusCode(201).extract().path("id");
        t.asAdmin().body("{\"name\":\"Bulk\",\"priority\":5,\"conditions\":{\"minQuantity\":2},\"action\":\"AMOUNT_OFF\","
                + "\"value\":5,\"currency\":\"ZAR\"}").post("/api/v1/pricing-rules").then().statusCode(201);
        t.asRep().body("{\"customerId\":\"" + customer + "\",\"lines\":[" + line("Q1", 2, "5") + "]}")
                .post("/api/v1/pricing/quote").then().statusCode(200)
                .body("lines[0].appliedRules", hasSize(2))
                .body("lines[0].appliedRules[0].name", equalTo("Gold shops"))
                .body("lines[0].appliedRules[1].name", equalTo("Bulk"))
                .body("lines[0].subtotal", equalTo(161.50f))
                .body("total", equalTo(185.72f));
        String order = t.order(customer, "W", line("Q1", 2, "5"));
        t.asAdmin().header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body("{\"value\":50}").patch("/api/v1/pricing-rules/" + rule).then().statusCode(200)
                .body("value", equalTo(50.0f));
        t.asRep().get("/api/v1/orders/" + order).then().statusCode(200)
                .body("subtotal", equalTo(161.5f))
                .body("lines[0].appliedRules[0].value", equalTo(10.0f));
    }

    @Test
    void quotationsMoveThroughTheirStatesAndExpire() {
        UUID customer = t.customer();
        t.product("Q2", "10.00");
        t.stock("W", "Q2", 10);
        String body = "{\"customerId\":\"" + customer + "\",\"location\":\"W\",\"lines\":[" + line("Q2", 3) + "]}";
        String q = t.asRep().body(body).post("/api/v1/quotations").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
        assertThat(t.reserved("W", "Q2")).isZero();
        t.asRep().header("If-Match", "\"0\"").post("/api/v1/quotations/" + q + "/send").then().statusCode(200)
                .body("status", equalTo("SENT"));
        t.asRep().header("If-Match", "\"1\"").post("/api/v1/quotations/" + q + "/send").then().statusCode(409)
                .body("currentStatus", equalTo("SENT"));
        t.asRep().header("If-Match", "\"1\"").post("/api/v1/quotations/" + q + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("orderStatus", equalTo("CONFIRMED"));
        assertThat(t.reserved("W", "Q2")).isEqualTo(3);
        t.asRep().header("If-Match", "\"2\"").post("/api/v1/quotations/" + q + "/reject").then().statusCode(409);

        String rejected = t.asRep().body(body).post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        t.asRep().header("If-Match", "\"0\"").post("/api/v1/quotations/" + rejected + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED"));
        t.asRep().header("If-Match", "\"1\"").post("/api/v1/quotations/" + rejected + "/accept").then()
                .statusCode(409);

        String expired = t.asRep().body(body).post("/api/v1/quotations").then().statusCode(201).extract().path("id");
        Db.execute("update quotation set valid_until = now() - interval '1 minute' where id = ?",
                UUID.fromString(expired));
        t.asRep().header("If-Match", "\"0\"").post("/api/v1/quotations/" + expired + "/accept").then()
                .statusCode(409).body("code", equalTo("quotation_expired"));
        assertThat(t.reserved("W", "Q2")).isEqualTo(3);
    }

    @Test
    void repeatedQuotesAndOrdersAddNoQueryPlans() {
        // Hibernate ORM 7.2 cached a new plan for every native select it ran; order-service's SQL goes through
        // SessionSql instead, so the cache stays as it is however many requests come.
        UUID customer = t.customer();
        t.product("QP1", "12.50");
        t.stock("W", "QP1", 1000);
        String quote = "{\"customerId\":\"" + customer + "\",\"lines\":[" + line("QP1", 1) + "]}";
        t.asRep().body(quote).post("/api/v1/pricing/quote").then().statusCode(200);
        t.order(customer, "W", line("QP1", 1));
        int before = QueryPlans.cached(sessions);
        for (int i = 0; i < 20; i++) {
            t.asRep().body(quote).post("/api/v1/pricing/quote").then().statusCode(200);
            t.order(customer, "W", line("QP1", 1));
        }
        assertThat(QueryPlans.cached(sessions) - before).as("query plans added by 40 requests").isLessThan(5);
    }
}
