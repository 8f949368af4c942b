package io.fieldsales.cash.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.cash.CashTestInfra;
import io.fieldsales.cash.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is a 400 or 422 problem with a stable code, never a 500. */
@QuarkusTest
class CashBadInputTest extends CashTestInfra {

    static void expect(Response r, int status, String code, String what) {
        assertThat(r.statusCode()).as(what + ": " + r.asString()).isEqualTo(status);
        assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        assertThat(r.jsonPath().getString("code")).as(what).isEqualTo(code);
    }

    @Test
    void badAmountsMethodsAndCurrenciesOfACollection() {
        TenantFixture t = new TenantFixture();
        String session = t.open("10");
        String path = "/api/v1/cash-sessions/" + session + "/collections";
        Map<String, List<Object>> cases = Map.ofEntries(
                Map.entry("{\"amount\":-5,\"method\":\"CASH\"}", List.of(400, "validation_failed")),
                Map.entry("{\"amount\":0,\"method\":\"CASH\"}", List.of(400, "validation_failed")),
                Map.entry("{\"amount\":\"ten\",\"method\":\"CASH\"}", List.of(400, "malformed_json")),
                Map.entry("{\"amount\":10.005,\"method\":\"CASH\"}", List.of(400, "validation_failed")),
                Map.entry("{\"amount\":1e30,\"method\":\"CASH\"}", List.of(400, "validation_failed")),
                Map.entry("{\"amount\":10,\"method\":\"BITCOIN\"}", List.of(400, "validation_failed")),
                Map.entry("{\"amount\":10}", List.of(400, "validation_failed")),
                Map.entry("{\"method\":\"CASH\"}", List.of(400, "validation_failed")),
                Map.entry("{\"amount\":10,\"method\":\"CASH\",\"currency\":\"USD\"}", List.of(422, "currency_mismatch")),
                Map.entry("{\"amount\":10,\"method\":\"CASH\",\"orderId\":\"not-a-uuid\"}", List.of(400, "malformed_json")),
                Map.entry("{\"amount\":10,", List.of(400, "malformed_json")),
                Map.entry("[1,2]", List.of(400, "malformed_json")));
        cases.forEach((body, expected) -> expect(t.asRep().body(body).post(path), (Integer) expected.get(0),
                (String) expected.get(1), body));
        expect(t.asRep().header("Idempotency-Key", "x".repeat(300)).body("{\"amount\":1,\"method\":\"CASH\"}")
                .post(path), 400, "invalid_idempotency_key", "long key");
    }

    @Test
    void badOpensClosesPayoutsAndDecisions() {
        TenantFixture t = new TenantFixture();
        expect(t.asRep().body("{\"openingFloat\":10,\"currency\":\"XYZ\"}").post("/api/v1/cash-sessions"), 400,
                "validation_failed", "unknown currency");
        expect(t.asRep().body("{\"openingFloat\":10,\"currency\":\"zar\"}").post("/api/v1/cash-sessions"), 400,
                "validation_failed", "lower-case currency");
        expect(t.asRep().body("{\"openingFloat\":-1,\"currency\":\"ZAR\"}").post("/api/v1/cash-sessions"), 400,
                "validation_failed", "negative float");
        expect(t.asRep().body("{\"openingFloat\":1.5,\"currency\":\"JPY\"}").post("/api/v1/cash-sessions"), 400,
                "validation_failed", "over-precise yen");
        expect(t.asRep().post("/api/v1/cash-sessions"), 400, "validation_failed", "no body");
        String session = t.open("10");
        String base = "/api/v1/cash-sessions/" + session;
        expect(t.asRep().body("{\"amount\":-1,\"reason\":\"x\"}").post(base + "/payouts"), 400, "validation_failed",
                "negative payout");
        expect(t.asRep().body("{\"amount\":1}").post(base + "/payouts"), 400, "validation_failed", "no reason");
        expect(t.asRep().body("{\"countedCash\":-1}").post(base + "/close"), 400, "validation_failed", "negative count");
        expect(t.asRep().body("{\"countedCash\":1.001}").post(base + "/close"), 400, "validation_failed", "precise");
        expect(t.asRep().body("{\"countedCash\":10,\"denominations\":[{\"value\":10}]}").post(base + "/close"), 400,
                "validation_failed", "line without count");
        expect(t.asRep().body("{\"countedCash\":10,\"denominations\":[{\"value\":-10,\"count\":-1}]}")
                .post(base + "/close"), 400, "validation_failed", "negative line");
        expect(t.as("supervisor").body("{\"decision\":\"MAYBE\"}").post(base + "/decision"), 400,
                "validation_failed", "unknown decision");
        expect(t.as("supervisor").body("{\"decision\":\"APPROVE\",\"reasonCode\":\"BAD_LUCK\"}")
                .post(base + "/decision"), 400, "validation_failed", "unknown reason");
        expect(t.as("supervisor").body("{\"decision\":\"APPROVE\",\"reasonCode\":\"OTHER\"}").post(base + "/decision"),
                409, "no_decision_pending", "nothing pending");
    }

    @Test
    void badQueriesDepositsAndPayments() {
        TenantFixture t = new TenantFixture();
        expect(t.as("finance").get("/api/v1/cash-sessions?status=LOST"), 400, "validation_failed", "status");
        expect(t.as("finance").get("/api/v1/cash-sessions?limit=0"), 400, "validation_failed", "limit");
        expect(t.as("finance").get("/api/v1/cash-sessions?limit=100000"), 400, "validation_failed", "limit");
        expect(t.as("finance").get("/api/v1/cash-sessions?cursor=not-a-cursor"), 400, "validation_failed", "cursor");
        expect(t.as("finance").get("/api/v1/cash-sessions?from=yesterday"), 400, "validation_failed", "from");
        expect(t.as("finance").get("/api/v1/receivables?status=PAID"), 400, "validation_failed", "receivable status");
        expect(t.as("finance").get("/api/v1/deposits?status=LOST"), 400, "validation_failed", "deposit status");
        expect(t.as("finance").get("/api/v1/reports/variances?from=2026-02-01&to=2026-01-01"), 400,
                "validation_failed", "window");
        expect(t.as("finance").body("{\"sessionIds\":[],\"bankAccount\":\"a\",\"slipNumber\":\"s\",\"amount\":1,"
                + "\"depositedAt\":\"2026-01-01T00:00:00Z\"}").post("/api/v1/deposits"), 400, "validation_failed",
                "no sessions");
        expect(t.as("finance").body("{\"sessionIds\":[\"" + java.util.UUID.randomUUID() + "\"],\"bankAccount\":\"a\","
                + "\"slipNumber\":\"s\",\"amount\":1,\"depositedAt\":\"not a time\"}").post("/api/v1/deposits"), 400,
                "malformed_json", "bad time");
        expect(t.as("finance").body("{\"amount\":5,\"method\":\"CASH\",\"reference\":\"r\"}")
                .post("/api/v1/receivables/" + java.util.UUID.randomUUID() + "/payments"), 400, "validation_failed",
                "cash is not a finance payment method");
        expect(t.as("finance").body("{\"autoAcceptBelow\":1.001,\"supervisorBelow\":5,\"creditDays\":1,"
                + "\"depositConfirmDays\":1}").put("/api/v1/cash-policies"), 403, "forbidden", "finance sets no policy");
        expect(t.as("admin").body("{\"autoAcceptBelow\":1.001,\"supervisorBelow\":5,\"creditDays\":1,"
                + "\"depositConfirmDays\":1}").put("/api/v1/cash-policies"), 400, "validation_failed", "precise policy");
        expect(t.as("admin").body("{\"autoAcceptBelow\":1,\"supervisorBelow\":5}").put("/api/v1/cash-policies"), 400,
                "validation_failed", "incomplete policy");
        expect(t.as("finance").get("/api/v1/cash-sessions/not-a-uuid"), 404, "not_found", "bad id");
    }
}
