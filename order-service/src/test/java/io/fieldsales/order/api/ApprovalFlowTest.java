package io.fieldsales.order.api;

import static io.fieldsales.order.TenantFixture.line;
import static io.fieldsales.order.TenantFixture.orderBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.fieldsales.platform.testing.Concurrently;
import io.fieldsales.order.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Discount thresholds route orders to the right approval steps; people decide them, never their own. */
@QuarkusTest
class ApprovalFlowTest {

    private final TenantFixture t = new TenantFixture();

    private String pendingApproval(String orderId) {
        return t.asRep().get("/api/v1/orders/" + orderId).then().statusCode(200)
                .extract().path("approvals.find { it.status == 'PENDING' }.id");
    }

    private Response decide(String approvalId, String user, String role, String decision) {
        return t.asUser(user, role).body("{\"decision\":\"" + decision + "\",\"comment\":\"ok\"}")
                .post("/api/v1/approvals/" + approvalId + "/decision").thenReturn();
    }

    @Test
    void tenPercentNeedsNobodyAboveTenAManager() {
        UUID customer = t.customer();
        t.product("X1", "100.00");
        t.stock("W", "X1", 100);
        t.createOrder(customer, "W", line("X1", 1, "10")).statusCode(201).body("status", equalTo("CONFIRMED"));
        String id = t.createOrder(customer, "W", line("X1", 1, "10.5")).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        assertThat(t.reserved("W", "X1")).isEqualTo(2);
        String approval = pendingApproval(id);
        t.asRep().get("/api/v1/orders/" + id).then().body("approvals[0].steps", hasSize(1))
                .body("approvals[0].steps[0].role", equalTo("manager"));
        // the rep who asked cannot approve, even holding the role
        assertThat(t.asUser("sales_rep-user", "manager").body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/approvals/" + approval + "/decision").then().extract().statusCode()).isEqualTo(403);
        assertThat(t.asUser("sales_rep-user", "manager").body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/approvals/" + approval + "/decision").then().extract().<String>path("code"))
                .isEqualTo("self_approval");
        t.asUser("boss", "manager").get("/api/v1/approvals?status=PENDING").then().statusCode(200)
                .body("items", hasSize(1));
        t.asUser("cfo", "finance").get("/api/v1/approvals?status=PENDING").then().statusCode(200)
                .body("items", hasSize(0));
        assertThat(decide(approval, "boss", "manager", "APPROVE").statusCode()).isEqualTo(200);
        t.asRep().get("/api/v1/orders/" + id).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void aboveTwentyFiveNeedsManagerThenFinanceByDifferentPeople() {
        UUID customer = t.customer();
        t.product("X2", "100.00");
        t.stock("W", "X2", 10);
        String id = t.createOrder(customer, "W", line("X2", 1, "30")).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        String approval = pendingApproval(id);
        assertThat(decide(approval, "cfo", "finance", "APPROVE").statusCode()).isEqualTo(403);
        assertThat(decide(approval, "boss", "manager", "APPROVE").jsonPath().getInt("currentStep")).isEqualTo(2);
        Response same = t.asUser("boss", "manager", "finance").body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/approvals/" + approval + "/decision").thenReturn();
        assertThat(same.statusCode()).isEqualTo(403);
        assertThat(same.jsonPath().getString("code")).isEqualTo("same_approver");
        t.asRep().get("/api/v1/orders/" + id).then().body("status", equalTo("PENDING_APPROVAL"));
        assertThat(decide(approval, "cfo", "finance", "APPROVE").jsonPath().getString("status")).isEqualTo("APPROVED");
        t.asRep().get("/api/v1/orders/" + id).then().body("status", equalTo("CONFIRMED"));
        assertThat(decide(approval, "cfo2", "finance", "APPROVE").statusCode()).isEqualTo(409);
    }

    @Test
    void rejectionCancelsAndReleasesStock() {
        UUID customer = t.customer();
        t.product("X3", "100.00");
        t.stock("W", "X3", 10);
        String id = t.order(customer, "W", line("X3", 4, "20"));
        assertThat(t.reserved("W", "X3")).isEqualTo(4);
        assertThat(decide(pendingApproval(id), "boss", "manager", "REJECT").statusCode()).isEqualTo(200);
        t.asRep().get("/api/v1/orders/" + id).then().body("status", equalTo("CANCELLED"));
        assertThat(t.reserved("W", "X3")).isZero();
    }

    @Test
    void twoConcurrentDecisionsOnOneStepOneWins() throws Exception {
        UUID customer = t.customer();
        t.product("X4", "100.00");
        t.stock("W", "X4", 10);
        String approval = pendingApproval(t.order(customer, "W", line("X4", 1, "15")));
        List<Integer> statuses = Concurrently.run(2, 2, i -> decide(approval, "boss-" + i, "manager",
                i == 0 ? "APPROVE" : "REJECT").statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }

    @Test
    void editingAnApprovedOrdersDiscountSendsItBack() {
        UUID customer = t.customer();
        t.product("X5", "100.00");
        t.stock("W", "X5", 10);
        String id = t.order(customer, "W", line("X5", 2, "15"));
        decide(pendingApproval(id), "boss", "manager", "APPROVE");
        t.asRep().get("/api/v1/orders/" + id).then().body("status", equalTo("CONFIRMED"));
        t.asRep().header("If-Match", "\"" + t.version(id) + "\"")
                .body("{\"lines\":[" + line("X5", 3, "20") + "]}").patch("/api/v1/orders/" + id).then()
                .statusCode(200).body("status", equalTo("PENDING_APPROVAL")).body("lines[0].quantity", equalTo(3));
        assertThat(t.reserved("W", "X5")).isEqualTo(3);
        // a change within policy keeps the order where it is
        String plain = t.order(customer, "W", line("X5", 1));
        t.asRep().header("If-Match", "\"" + t.version(plain) + "\"")
                .body("{\"lines\":[" + line("X5", 2) + "]}").patch("/api/v1/orders/" + plain).then()
                .statusCode(200).body("status", equalTo("CONFIRMED"));
        assertThat(t.reserved("W", "X5")).isEqualTo(5);
    }

    @Test
    void policiesHaveDefaultsAndAdminsChangeThem() {
        t.asAdmin().get("/api/v1/approval-policies").then().statusCode(200)
                .body("managerDiscountAbove", equalTo(10)).body("financeDiscountAbove", equalTo(25));
        t.asAdmin().body("{\"managerDiscountAbove\":5,\"financeDiscountAbove\":50,\"returnValueAbove\":100}")
                .put("/api/v1/approval-policies").then().statusCode(200);
        t.asAdmin().body("{\"managerDiscountAbove\":50,\"financeDiscountAbove\":5,\"returnValueAbove\":100}")
                .put("/api/v1/approval-policies").then().statusCode(400);
        UUID customer = t.customer();
        t.product("X6", "10.00");
        t.stock("W", "X6", 10);
        t.asRep().body(orderBody(customer, "W", line("X6", 1, "6"))).post("/api/v1/orders").then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"));
        t.asRep().get("/api/v1/approval-policies").then().statusCode(403);
    }
}
