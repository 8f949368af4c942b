package io.fieldsales.order.api;

import static io.fieldsales.order.TenantFixture.line;
import static io.fieldsales.order.TenantFixture.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.order.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input is a 400 or 422 problem with a code, never a 500. */
@QuarkusTest
class OrderBadInputTest {

    private final TenantFixture t = new TenantFixture();

    @Test
    void badInputIsAProblemNeverA500() {
        UUID customer = t.customer();
        t.product("OK", "1.00");
        t.stock("W", "OK", 10);
        String c = customer.toString();
        Map<String, String> orders = new java.util.LinkedHashMap<>();
        orders.put("negative quantity", orderBody(customer, "W", line("OK", -1)));
        orders.put("zero quantity", orderBody(customer, "W", line("OK", 0)));
        orders.put("unknown sku", orderBody(customer, "W", line("NOPE", 1)));
        orders.put("duplicate sku", orderBody(customer, "W", line("OK", 1), line("OK", 2)));
        orders.put("over-precise discount", orderBody(customer, "W", line("OK", 1, "1.234")));
        orders.put("discount above 100", orderBody(customer, "W", line("OK", 1, "101")));
        orders.put("non-numeric quantity", "{\"customerId\":\"" + c + "\",\"location\":\"W\",\"lines\":[{\"sku\":\"OK\","
                + "\"quantity\":\"many\"}]}");
        orders.put("fractional quantity", "{\"customerId\":\"" + c + "\",\"location\":\"W\",\"lines\":[{\"sku\":\"OK\","
                + "\"quantity\":1.5}]}");
        orders.put("no lines", "{\"customerId\":\"" + c + "\",\"location\":\"W\",\"lines\":[]}");
        orders.put("no customer", "{\"location\":\"W\",\"lines\":[" + line("OK", 1) + "]}");
        orders.put("bad customer id", "{\"customerId\":\"x\",\"location\":\"W\",\"lines\":[" + line("OK", 1) + "]}");
        orders.put("no location", "{\"customerId\":\"" + c + "\",\"lines\":[" + line("OK", 1) + "]}");
        orders.put("bad payment terms", "{\"customerId\":\"" + c + "\",\"location\":\"W\",\"paymentTerms\":\"BARTER\","
                + "\"lines\":[" + line("OK", 1) + "]}");
        orders.put("not json", "{lines:");
        orders.put("array body", "[]");
        orders.put("huge quantity", orderBody(customer, "W", line("OK", 99999999999L)));
        Map<String, String> products = new java.util.LinkedHashMap<>();
        products.put("over-precise price", "{\"sku\":\"P1\",\"name\":\"n\",\"unitPrice\":1.234,\"currency\":\"ZAR\","
                + "\"taxRate\":0.15}");
        products.put("negative price", "{\"sku\":\"P2\",\"name\":\"n\",\"unitPrice\":-1,\"currency\":\"ZAR\","
                + "\"taxRate\":0.15}");
        products.put("non-numeric price", "{\"sku\":\"P3\",\"name\":\"n\",\"unitPrice\":\"ten\",\"currency\":\"ZAR\","
                + "\"taxRate\":0.15}");
        products.put("wrong currency", "{\"sku\":\"P4\",\"name\":\"n\",\"unitPrice\":1,\"currency\":\"RAND\","
                + "\"taxRate\":0.15}");
        products.put("unknown currency", "{\"sku\":\"P5\",\"name\":\"n\",\"unitPrice\":1,\"currency\":\"ZZZ\","
                + "\"taxRate\":0.15}");
        products.put("tax as percent", "{\"sku\":\"P6\",\"name\":\"n\",\"unitPrice\":1,\"currency\":\"ZAR\","
                + "\"taxRate\":15}");
        products.put("no sku", "{\"name\":\"n\",\"unitPrice\":1,\"currency\":\"ZAR\",\"taxRate\":0.15}");
        products.put("yen with cents", "{\"sku\":\"P7\",\"name\":\"n\",\"unitPrice\":1.5,\"currency\":\"JPY\","
                + "\"taxRate\":0.1}");
        List<String> wrong = new ArrayList<>();
        orders.forEach((name, body) -> check(wrong, name, t.asRep().body(body).post("/api/v1/orders").thenReturn()));
        products.forEach((name, body) -> check(wrong, name, t.asAdmin().body(body).post("/api/v1/products")
                .thenReturn()));
        check(wrong, "stock negative below zero", t.asAdmin().body("{\"location\":\"W\",\"sku\":\"OK\",\"delta\":-11,"
                + "\"reason\":\"count\"}").post("/api/v1/stock/adjustments").thenReturn());
        check(wrong, "stock unknown sku", t.asAdmin().body("{\"location\":\"W\",\"sku\":\"NOPE\",\"delta\":1,"
                + "\"reason\":\"count\"}").post("/api/v1/stock/adjustments").thenReturn());
        check(wrong, "stock no reason", t.asAdmin().body("{\"location\":\"W\",\"sku\":\"OK\",\"delta\":1}")
                .post("/api/v1/stock/adjustments").thenReturn());
        check(wrong, "transfer too much", t.asAdmin().body("{\"from\":\"W\",\"to\":\"V\",\"sku\":\"OK\","
                + "\"quantity\":11}").post("/api/v1/stock/transfers").thenReturn());
        check(wrong, "transfer negative", t.asAdmin().body("{\"from\":\"W\",\"to\":\"V\",\"sku\":\"OK\","
                + "\"quantity\":-1}").post("/api/v1/stock/transfers").thenReturn());
        check(wrong, "rule bad action", t.asAdmin().body("{\"name\":\"r\",\"priority\":1,\"action\":\"FREE\","
                + "\"value\":1}").post("/api/v1/pricing-rules").thenReturn());
        check(wrong, "rule percent above 100", t.asAdmin().body("{\"name\":\"r\",\"priority\":1,"
                + "\"action\":\"PERCENT_OFF\",\"value\":120}").post("/api/v1/pricing-rules").thenReturn());
        check(wrong, "rule amount without currency", t.asAdmin().body("{\"name\":\"r\",\"priority\":1,"
                + "\"action\":\"AMOUNT_OFF\",\"value\":1}").post("/api/v1/pricing-rules").thenReturn());
        check(wrong, "quote unknown sku", t.asRep().body("{\"customerId\":\"" + c + "\",\"lines\":[" + line("NOPE", 1)
                + "]}").post("/api/v1/pricing/quote").thenReturn());
        check(wrong, "bad from", t.asRep().get("/api/v1/orders?from=yesterday").thenReturn());
        check(wrong, "bad customer filter", t.asRep().get("/api/v1/orders?customerId=abc").thenReturn());
        assertThat(wrong).isEmpty();
        assertThat(t.reserved("W", "OK")).isZero();
    }

    private static void check(List<String> wrong, String name, io.restassured.response.Response r) {
        int s = r.statusCode();
        String code = s >= 400 ? r.jsonPath().getString("code") : null;
        if ((s != 400 && s != 422 && s != 409) || code == null) {
            wrong.add(name + " -> " + s + " " + r.asString());
        }
    }
}
