package io.fieldsales.customer.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.fieldsales.customer.TenantFixture;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Tenant isolation and roles, endpoint by endpoint. */
@QuarkusTest
class CustomerAccessTest {

    private static final List<String> ROLES = List.of("admin", "manager", "supervisor", "sales_rep", "finance",
            "cashier", "auditor", "driver");
    private static final Set<String> READ = Set.of("admin", "manager", "supervisor", "sales_rep", "finance", "cashier",
            "auditor");
    private static final Set<String> WRITE = Set.of("admin", "manager", "supervisor", "sales_rep");
    private static final Set<String> DELETE = Set.of("admin", "manager", "supervisor");
    private static final Set<String> MANAGE = Set.of("admin", "manager");
    private static final Set<String> ADMIN = Set.of("admin");

    private final TenantFixture t = new TenantFixture();
    private final TenantFixture other = new TenantFixture();

    /** An endpoint: who may call it, and the call on a customer id (returns the status). */
    private record Endpoint(String name, Set<String> allowed, BiFunction<RequestSpecification, String, Integer> call) {
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("list", READ, (r, id) -> r.get("/api/v1/customers").statusCode()),
                new Endpoint("get", READ, (r, id) -> r.get("/api/v1/customers/" + id).statusCode()),
                new Endpoint("duplicates", READ, (r, id) -> r.get("/api/v1/customers/" + id + "/duplicates").statusCode()),
                new Endpoint("create", WRITE, (r, id) -> r.body(TenantFixture.json("Role test", null,
                        "+2784" + (1000000 + (int) (Math.random() * 8999999)))).post("/api/v1/customers").statusCode()),
                new Endpoint("find-or-create", WRITE, (r, id) -> r.body(TenantFixture.json("Role test", null,
                        "+27 84 555 0000")).post("/api/v1/customers/find-or-create").statusCode()),
                new Endpoint("patch", WRITE, (r, id) -> r.contentType("application/merge-patch+json")
                        .header("If-Match", "*").body("{\"tags\":[\"x\"]}").patch("/api/v1/customers/" + id).statusCode()),
                new Endpoint("not-duplicates", WRITE, (r, id) -> r.body("{\"customerId\":\"" + UUID.randomUUID() + "\"}")
                        .post("/api/v1/customers/" + id + "/not-duplicates").statusCode()),
                new Endpoint("export", MANAGE, (r, id) -> r.get("/api/v1/customers/" + id + "/export").statusCode()),
                new Endpoint("merge", MANAGE, (r, id) -> r.body("{\"sourceIds\":[\"" + UUID.randomUUID() + "\"]}")
                        .post("/api/v1/customers/" + id + "/merge").statusCode()),
                new Endpoint("restore", MANAGE, (r, id) -> r.post("/api/v1/customers/" + id + "/restore").statusCode()),
                new Endpoint("import", MANAGE, (r, id) -> r.contentType("application/x-ndjson")
                        .body("{\"name\":\"x\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/customers/import").statusCode()),
                new Endpoint("consistency", ADMIN, (r, id) -> r.get("/api/v1/customers/consistency").statusCode()),
                new Endpoint("repair", ADMIN, (r, id) -> r.post("/api/v1/customers/consistency/repair").statusCode()),
                new Endpoint("delete", DELETE, (r, id) -> r.delete("/api/v1/customers/" + id).statusCode()),
                new Endpoint("erase", ADMIN, (r, id) -> r.post("/api/v1/customers/" + id + "/erase").statusCode()));
    }

    @Test
    void everyEndpointAllowsItsRolesAndDeniesTheOthersWith403() {
        for (Endpoint e : endpoints()) {
            for (String role : ROLES) {
                String id = t.create("Target " + e.name() + " " + role, t.email(e.name() + "-" + role), null);
                int status = e.call().apply(t.as(role), id);
                if (e.allowed().contains(role)) {
                    org.assertj.core.api.Assertions.assertThat(status).as("%s as %s", e.name(), role)
                            .isNotIn(401, 403, 500);
                } else {
                    org.assertj.core.api.Assertions.assertThat(status).as("%s as %s", e.name(), role).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void anotherTenantSeesNothingOfThisTenantsCustomers() {
        String id = t.create("Isolated", t.email("iso"), "082 880 0001");
        String admin = TestTokens.forTenant(other.tenant).user("intruder").roles("admin", "manager").mint();
        RequestSpecification as = RestAssured.given().auth().oauth2(admin).contentType("application/json");
        for (Endpoint e : endpoints()) {
            if (Set.of("list", "create", "find-or-create", "import", "consistency", "repair").contains(e.name())) {
                continue;
            }
            org.assertj.core.api.Assertions.assertThat(e.call().apply(RestAssured.given().auth().oauth2(admin)
                    .contentType("application/json"), id)).as(e.name()).isEqualTo(404);
        }
        as.get("/api/v1/customers").then().statusCode(200).body("items", hasSize(0));
        as.get("/api/v1/customers/consistency").then().statusCode(200).body("unreservedContacts", hasSize(0));
        // the same contacts are free in the other tenant: tenants never collide
        RestAssured.given().auth().oauth2(admin).contentType("application/json")
                .body(TenantFixture.json("Same contact, other tenant", t.email("iso"), "082 880 0001"))
                .post("/api/v1/customers/find-or-create").then().statusCode(201);
        t.asRep().get("/api/v1/customers/" + id).then().statusCode(200).body("name", equalTo("Isolated"));
    }

    @Test
    void aTokenWithoutTenantOrWithoutAuthIsRefused() {
        RestAssured.given().get("/api/v1/customers").then().statusCode(401);
        RestAssured.given().auth().oauth2(TestTokens.withoutTenant().roles("admin").mint())
                .get("/api/v1/customers").then().statusCode(403).body("code", equalTo("tenant_required"));
        RestAssured.given().auth().oauth2(TestTokens.forTenant(UUID.randomUUID()).audience("someone-else")
                .roles("admin").mint()).get("/api/v1/customers").then().statusCode(401);
    }
}
