package io.fieldsales.order.api;

import static io.fieldsales.order.TenantFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.order.TenantFixture;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Roles on every endpoint (allowed roles never get 401/403, the others get 403) and tenant isolation (another
 * tenant's ids are 404).
 */
@QuarkusTest
class OrderAccessTest {

    private static final List<String> ROLES = List.of("admin", "manager", "supervisor", "sales_rep", "finance",
            "cashier", "auditor", "driver");
    private static final Set<String> READ = Set.of("admin", "manager", "supervisor", "sales_rep", "finance", "cashier",
            "auditor");
    private static final Set<String> SELL = Set.of("admin", "manager", "supervisor", "sales_rep");
    private static final Set<String> MANAGE = Set.of("admin", "manager");
    private static final Set<String> TRANSFER = Set.of("admin", "manager", "supervisor");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> RULES_READ = Set.of("admin", "manager", "supervisor", "sales_rep", "finance",
            "auditor");
    private static final Set<String> APPROVERS = Set.of("admin", "manager", "supervisor", "finance");
    private static final Set<String> APPROVAL_READERS = Set.of("admin", "manager", "supervisor", "finance", "auditor");
    private static final Set<String> REFUNDERS = Set.of("admin", "manager", "supervisor", "sales_rep", "finance",
            "cashier");

    private final TenantFixture t = new TenantFixture();

    private record Endpoint(String name, Set<String> allowed, Function<RequestSpecification, Integer> call) {
    }

    private List<Endpoint> endpoints(String id) {
        UUID customer = UUID.randomUUID();
        return List.of(
                new Endpoint("GET products", READ, r -> r.get("/api/v1/products").statusCode()),
                new Endpoint("GET product", READ, r -> r.get("/api/v1/products/" + id).statusCode()),
                new Endpoint("POST products", MANAGE, r -> r.body("{}").post("/api/v1/products").statusCode()),
                new Endpoint("PATCH product", MANAGE, r -> r.header("If-Match", "\"0\"").body("{}")
                        .patch("/api/v1/products/" + id).statusCode()),
                new Endpoint("GET stock", READ, r -> r.get("/api/v1/stock").statusCode()),
                new Endpoint("POST adjustment", MANAGE, r -> r.body("{}").post("/api/v1/stock/adjustments").statusCode()),
                new Endpoint("POST transfer", TRANSFER, r -> r.body("{}").post("/api/v1/stock/transfers").statusCode()),
                new Endpoint("GET consistency", ADMIN, r -> r.get("/api/v1/stock/consistency").statusCode()),
                new Endpoint("GET rules", RULES_READ, r -> r.get("/api/v1/pricing-rules").statusCode()),
                new Endpoint("POST rules", MANAGE, r -> r.body("{}").post("/api/v1/pricing-rules").statusCode()),
                new Endpoint("PATCH rule", MANAGE, r -> r.header("If-Match", "\"0\"").body("{}")
                        .patch("/api/v1/pricing-rules/" + id).statusCode()),
                new Endpoint("POST quote", SELL, r -> r.body("{}").post("/api/v1/pricing/quote").statusCode()),
                new Endpoint("GET orders", READ, r -> r.get("/api/v1/orders").statusCode()),
                new Endpoint("GET order", READ, r -> r.get("/api/v1/orders/" + id).statusCode()),
                new Endpoint("POST orders", SELL, r -> r.body("{}").post("/api/v1/orders").statusCode()),
                new Endpoint("PATCH order", SELL, r -> r.header("If-Match", "\"0\"").body("{\"lines\":["
                        + line("S", 1) + "]}").patch("/api/v1/orders/" + id).statusCode()),
                new Endpoint("fulfil", SELL, r -> r.header("If-Match", "\"0\"").post("/api/v1/orders/" + id + "/fulfil")
                        .statusCode()),
                new Endpoint("deliver", SELL, r -> r.header("If-Match", "\"0\"").body("{\"receivedBy\":\"x\"}")
                        .post("/api/v1/orders/" + id + "/deliver").statusCode()),
                new Endpoint("cancel", SELL, r -> r.header("If-Match", "\"0\"").post("/api/v1/orders/" + id + "/cancel")
                        .statusCode()),
                new Endpoint("GET quotations", READ, r -> r.get("/api/v1/quotations").statusCode()),
                new Endpoint("POST quotations", SELL, r -> r.body("{}").post("/api/v1/quotations").statusCode()),
                new Endpoint("send quotation", SELL, r -> r.header("If-Match", "\"0\"")
                        .post("/api/v1/quotations/" + id + "/send").statusCode()),
                new Endpoint("POST returns", SELL, r -> r.body("{}").post("/api/v1/orders/" + id + "/returns")
                        .statusCode()),
                new Endpoint("receive", SELL, r -> r.header("If-Match", "\"0\"").body("{}")
                        .post("/api/v1/returns/" + id + "/receive").statusCode()),
                new Endpoint("GET credit notes", READ, r -> r.get("/api/v1/credit-notes").statusCode()),
                new Endpoint("POST refunds", REFUNDERS, r -> r.body("{\"method\":\"CASH\",\"amount\":1}")
                        .post("/api/v1/credit-notes/" + id + "/refunds").statusCode()),
                new Endpoint("GET approvals", APPROVAL_READERS, r -> r.get("/api/v1/approvals").statusCode()),
                new Endpoint("decide", APPROVERS, r -> r.body("{\"decision\":\"APPROVE\"}")
                        .post("/api/v1/approvals/" + id + "/decision").statusCode()),
                new Endpoint("GET policy", ADMIN, r -> r.get("/api/v1/approval-policies").statusCode()),
                new Endpoint("PUT policy", ADMIN, r -> r.body("{}").put("/api/v1/approval-policies").statusCode()));
    }

    @Test
    void everyEndpointChecksRoles() {
        String id = UUID.randomUUID().toString();
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints(id)) {
            for (String role : ROLES) {
                int status = e.call().apply(t.as(role));
                boolean allowed = e.allowed().contains(role);
                if (allowed ? status == 401 || status == 403 && !e.name().equals("decide") : status != 403) {
                    wrong.add(e.name() + " as " + role + " -> " + status);
                }
                if (status >= 500) {
                    wrong.add(e.name() + " as " + role + " -> " + status);
                }
            }
            int anonymous = e.call().apply(RestAssured.given().contentType("application/json"));
            if (anonymous != 401) {
                wrong.add(e.name() + " anonymous -> " + anonymous);
            }
            int noTenant = e.call().apply(RestAssured.given().contentType("application/json").auth()
                    .oauth2(TestTokens.withoutTenant().user("platform").roles("admin").mint()));
            if (noTenant != 403) {
                wrong.add(e.name() + " without tenant -> " + noTenant);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anotherTenantsRecordsAreInvisible() {
        UUID customer = t.customer();
        String product = t.product("ISO", "1.00");
        t.stock("W", "ISO", 5);
        String order = t.order(customer, "W", line("ISO", 1));
        TenantFixture other = new TenantFixture();
        other.asAdmin().get("/api/v1/products/" + product).then().statusCode(404);
        other.asAdmin().get("/api/v1/orders/" + order).then().statusCode(404);
        other.asAdmin().header("If-Match", "\"0\"").post("/api/v1/orders/" + order + "/cancel").then().statusCode(404);
        other.asAdmin().get("/api/v1/orders").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.is(0));
        other.asAdmin().get("/api/v1/stock?sku=ISO").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(0));
        // the same sku may exist in both tenants
        other.product("ISO", "2.00");
        other.asAdmin().body(TenantFixture.orderBody(customer, "W", line("ISO", 1))).post("/api/v1/orders").then()
                .statusCode(422);
    }
}
