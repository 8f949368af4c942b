package io.fieldsales.cash.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.cash.CashTestInfra;
import io.fieldsales.cash.TenantFixture;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The endpoints x roles table of the README, checked row by row: a role outside an endpoint's set gets 403
 * {@code forbidden}; a role inside it gets past the role check (a 2xx, or the endpoint's own 4xx for the dummy
 * body or the unknown id used here, never 401/403/500).
 */
@QuarkusTest
class CashAccessTest extends CashTestInfra {

    static final List<String> ROLES = List.of("sales_rep", "cashier", "supervisor", "finance", "admin", "manager",
            "auditor");
    static final Set<String> READERS = Set.of("sales_rep", "cashier", "supervisor", "finance", "admin", "manager",
            "auditor");
    static final Set<String> OFFICE = Set.of("supervisor", "finance", "admin", "manager", "auditor");

    record Row(String method, String path, String body, Set<String> allowed) {
    }

    static List<Row> table() {
        String id = UUID.randomUUID().toString();
        return List.of(
                new Row("POST", "/api/v1/cash-sessions", "{}", Set.of("sales_rep", "cashier")),
                new Row("GET", "/api/v1/cash-sessions", null, READERS),
                new Row("GET", "/api/v1/cash-sessions/" + id, null, READERS),
                new Row("POST", "/api/v1/cash-sessions/" + id + "/collections", "{\"amount\":1,\"method\":\"CASH\"}",
                        Set.of("sales_rep", "cashier")),
                new Row("POST", "/api/v1/cash-sessions/" + id + "/payouts", "{\"amount\":1,\"reason\":\"x\"}",
                        Set.of("sales_rep", "cashier")),
                new Row("POST", "/api/v1/cash-sessions/" + id + "/close", "{\"countedCash\":1}",
                        Set.of("sales_rep", "cashier")),
                new Row("POST", "/api/v1/cash-sessions/" + id + "/decision", "{\"decision\":\"APPROVE\"}",
                        Set.of("supervisor", "finance", "sales_rep", "cashier")),
                new Row("GET", "/api/v1/cash-policies", null, Set.of("admin", "supervisor", "finance", "manager",
                        "auditor")),
                new Row("PUT", "/api/v1/cash-policies", "{}", Set.of("admin")),
                new Row("GET", "/api/v1/receivables", null, READERS),
                new Row("GET", "/api/v1/receivables/" + id, null, READERS),
                new Row("POST", "/api/v1/receivables/" + id + "/payments",
                        "{\"amount\":1,\"method\":\"CHEQUE\",\"reference\":\"r\"}", Set.of("finance")),
                new Row("POST", "/api/v1/deposits", "{}", Set.of("cashier", "finance", "supervisor")),
                new Row("GET", "/api/v1/deposits", null, Set.of("cashier", "finance", "supervisor", "admin",
                        "manager", "auditor")),
                new Row("GET", "/api/v1/deposits/" + id, null, Set.of("cashier", "finance", "supervisor", "admin",
                        "manager", "auditor")),
                new Row("POST", "/api/v1/deposits/" + id + "/confirm", "{\"bankReference\":\"b\",\"confirmedAmount\":1}",
                        Set.of("finance")),
                new Row("GET", "/api/v1/reports/variances", null, OFFICE),
                new Row("GET", "/api/v1/reports/cash-position", null, OFFICE));
    }

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        TenantFixture t = new TenantFixture();
        for (Row row : table()) {
            for (String role : ROLES) {
                Response r = t.as(role).body(row.body() == null ? "" : row.body()).request(row.method(), row.path());
                String what = row.method() + " " + row.path() + " as " + role + ": " + r.asString();
                if (row.allowed().contains(role)) {
                    assertThat(r.statusCode()).as(what).isNotIn(401, 403, 500);
                } else {
                    assertThat(r.statusCode()).as(what).isEqualTo(403);
                    assertThat(r.jsonPath().getString("code")).as(what).isEqualTo("forbidden");
                }
            }
            Response anonymous = given().contentType("application/json").body(row.body() == null ? "" : row.body())
                    .request(row.method(), row.path());
            assertThat(anonymous.statusCode()).as(row.path()).isEqualTo(401);
        }
    }

    @Test
    void aTokenWithoutTenantIsRefused() {
        String token = TestTokens.withoutTenant().user("u").roles("sales_rep").mint();
        given().auth().oauth2(token).get("/api/v1/cash-sessions").then().statusCode(403)
                .body("code", equalTo("tenant_required"));
    }

    @Test
    void tenantsNeverSeeOrTouchEachOthersCash() {
        TenantFixture a = new TenantFixture();
        TenantFixture b = new TenantFixture();
        String session = a.open("10");
        String closed = a.closedSession(a.user("rep-2", "sales_rep"), "10");
        b.as("finance").get("/api/v1/cash-sessions/" + session).then().statusCode(404);
        b.as("finance").get("/api/v1/cash-sessions").then().statusCode(200).body("items.size()", equalTo(0));
        // b's rep has the same user id as a's rep: the tenant still separates them
        b.asRep().body("{\"amount\":1,\"method\":\"CASH\"}").post("/api/v1/cash-sessions/" + session + "/collections")
                .then().statusCode(404);
        b.as("supervisor").body("{\"decision\":\"APPROVE\",\"reasonCode\":\"OTHER\"}")
                .post("/api/v1/cash-sessions/" + session + "/decision").then().statusCode(404);
        b.as("cashier").body(DepositResourceTest.body("10", null, closed)).post("/api/v1/deposits").then()
                .statusCode(404);
        b.as("finance").get("/api/v1/reports/cash-position").then().statusCode(200).body("items.size()", equalTo(0));
        a.as("finance").get("/api/v1/reports/cash-position").then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void onlyTheOwnerMovesMoneyInASession() {
        TenantFixture t = new TenantFixture();
        String session = t.open("10");
        t.user("rep-2", "sales_rep").body("{\"amount\":1,\"method\":\"CASH\"}")
                .post("/api/v1/cash-sessions/" + session + "/collections").then().statusCode(403)
                .body("code", equalTo("not_session_owner"));
        t.as("cashier").body("{\"countedCash\":10}").post("/api/v1/cash-sessions/" + session + "/close").then()
                .statusCode(403).body("code", equalTo("not_session_owner"));
        t.user("rep-2", "sales_rep").get("/api/v1/cash-sessions/" + session).then().statusCode(404);
    }
}
