package io.fieldsales.order.api;

import static io.fieldsales.order.TenantFixture.line;
import static io.fieldsales.order.TenantFixture.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.Concurrently;
import io.fieldsales.order.Db;
import io.fieldsales.order.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Stock that cannot oversell, and multi-line orders that cannot deadlock, under concurrent creates. */
@QuarkusTest
class OrderConcurrencyTest {

    private final TenantFixture t = new TenantFixture();

    @Test
    void hundredConcurrentOrdersForThirtyInStockCreateExactlyThirty() throws Exception {
        UUID customer = t.customer();
        t.product("HOT", "3.00");
        t.stock("VAN-7", "HOT", 30);
        List<String> tokens = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> t.token("rep-" + i, "sales_rep")).toList();
        long started = System.nanoTime();
        List<Response> responses = Concurrently.run(100, 50, i -> io.restassured.RestAssured.given()
                .auth().oauth2(tokens.get(i % 50)).contentType("application/json")
                .header("Idempotency-Key", "hot-" + i)
                .body(orderBody(customer, "VAN-7", line("HOT", 1))).post("/api/v1/orders").thenReturn());
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Response::statusCode,
                Collectors.counting()));
        System.out.println("BENCHMARK order-service 100 concurrent creates (50 clients, 30 in stock): " + millis
                + " ms, statuses " + byStatus);
        assertThat(byStatus).containsEntry(201, 30L).containsEntry(409, 70L);
        assertThat(responses.stream().filter(r -> r.statusCode() == 409)
                .map(r -> r.jsonPath().getString("code")).distinct().toList()).containsExactly("insufficient_stock");
        assertThat(t.reserved("VAN-7", "HOT")).isEqualTo(30);
        assertThat(t.onHand("VAN-7", "HOT")).isEqualTo(30);
        assertThat(Db.count("select count(*) from customer_order where tenant_id = ?", t.tenant)).isEqualTo(30);
        assertThat(Db.count("select coalesce(sum(quantity), 0) from reservation where tenant_id = ? and status = 'HELD'",
                t.tenant)).isEqualTo(30);

        String one = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow()
                .jsonPath().getString("id");
        t.transition(one, "cancel", null).statusCode(200);
        assertThat(t.reserved("VAN-7", "HOT")).isEqualTo(29);
        String two = responses.stream().filter(r -> r.statusCode() == 201).skip(1).findFirst().orElseThrow()
                .jsonPath().getString("id");
        t.transition(two, "fulfil", null).statusCode(200);
        assertThat(t.reserved("VAN-7", "HOT")).isEqualTo(28);
        assertThat(t.onHand("VAN-7", "HOT")).isEqualTo(29);
    }

    @Test
    void twentyConcurrentTwoLineOrdersInOppositeOrderNeverDeadlock() throws Exception {
        UUID customer = t.customer();
        t.product("LEFT", "1.00");
        t.product("RIGHT", "1.00");
        t.stock("W-9", "LEFT", 1000);
        t.stock("W-9", "RIGHT", 1000);
        List<Response> responses = Concurrently.run(20, 20, i -> t.asRep()
                .body(i % 2 == 0 ? orderBody(customer, "W-9", line("LEFT", 2), line("RIGHT", 3))
                        : orderBody(customer, "W-9", line("RIGHT", 3), line("LEFT", 2)))
                .post("/api/v1/orders").thenReturn());
        Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(Response::statusCode,
                Collectors.counting()));
        assertThat(byStatus).as(responses.stream().filter(r -> r.statusCode() != 201).map(Response::asString)
                .collect(Collectors.joining("\n"))).isEqualTo(Map.of(201, 20L));
        assertThat(t.reserved("W-9", "LEFT")).isEqualTo(40);
        assertThat(t.reserved("W-9", "RIGHT")).isEqualTo(60);
        assertThat(Db.count("select count(*) from customer_order where tenant_id = ?", t.tenant)).isEqualTo(20);
    }
}
