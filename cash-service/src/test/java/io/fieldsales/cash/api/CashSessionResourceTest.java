package io.fieldsales.cash.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fieldsales.cash.CashTestInfra;
import io.fieldsales.cash.Db;
import io.fieldsales.cash.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CashSessionResourceTest extends CashTestInfra {

    @Test
    void mixedMethodsAndPayoutsGiveTheExactExpectedCashAndVariance() {
        TenantFixture t = new TenantFixture();
        String id = t.open("150.00");
        t.collect(id, "200.50", "CASH").statusCode(201);
        t.collect(id, "300", "CHEQUE").statusCode(201);
        t.collect(id, "99.99", "MOBILE_MONEY").statusCode(201);
        t.collect(id, "45", "CARD").statusCode(201);
        t.collect(id, "49.50", "CASH").statusCode(201);
        t.payout(id, "20.00", "fuel").statusCode(201);
        // expected = 150 + 200.50 + 49.50 - 20 = 380.00; counted 379.50 -> variance -0.50 (auto)
        t.asRep().body("{\"countedCash\":379.50,\"denominations\":[{\"value\":200,\"count\":1},{\"value\":100,"
                        + "\"count\":1},{\"value\":50,\"count\":1},{\"value\":10,\"count\":2},{\"value\":5,\"count\":1},"
                        + "{\"value\":2,\"count\":2},{\"value\":0.5,\"count\":1}]}")
                .post("/api/v1/cash-sessions/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("expectedCash", equalTo(380.00f))
                .body("variance", equalTo(-0.50f))
                .body("counts[0].denominations[0].value", equalTo(200));
        t.as("supervisor").get("/api/v1/cash-sessions/" + id).then().statusCode(200)
                .body("totals.cash", equalTo(250.00f)).body("totals.cheque", equalTo(300.00f))
                .body("totals.mobileMoney", equalTo(99.99f)).body("totals.card", equalTo(45.00f))
                .body("totals.payouts", equalTo(20.00f)).body("totals.collections", equalTo(5))
                .body("expectedCash", equalTo(380.00f)).body("varianceTier", equalTo("AUTO"));
    }

    @Test
    void denominationsThatDoNotAddUpAreRefused() {
        TenantFixture t = new TenantFixture();
        String id = t.open("100");
        t.asRep().body("{\"countedCash\":100,\"denominations\":[{\"value\":50,\"count\":1}]}")
                .post("/api/v1/cash-sessions/" + id + "/close").then().statusCode(422)
                .body("code", equalTo("denominations_mismatch"));
        t.close(id, "100").statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void theOwnerIsBlindOnEveryReadPathWhileTheSupervisorSeesEverything() {
        TenantFixture t = new TenantFixture();
        String id = t.open("100");
        t.collect(id, "50", "CASH").statusCode(201);
        for (JsonPath owner : List.of(t.asRep().get("/api/v1/cash-sessions/" + id).then().statusCode(200)
                .extract().jsonPath())) {
            assertBlind(owner.getMap(""));
        }
        assertBlind(t.asRep().get("/api/v1/cash-sessions").then().statusCode(200).extract().jsonPath()
                .getMap("items[0]"));
        // a 20.00 shortage: pending a supervisor; the close answer itself stays blind
        Map<String, Object> closeAnswer = t.close(id, "130").statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL")).extract().jsonPath().getMap("");
        assertBlind(closeAnswer);
        assertThat((List<?>) closeAnswer.get("counts")).hasSize(1);
        assertBlind(t.asRep().get("/api/v1/cash-sessions/" + id).then().extract().jsonPath().getMap(""));
        assertBlind(t.asRep().get("/api/v1/cash-sessions?status=PENDING_APPROVAL").then().extract().jsonPath()
                .getMap("items[0]"));
        t.as("supervisor").get("/api/v1/cash-sessions/" + id).then().statusCode(200)
                .body("expectedCash", equalTo(150.00f)).body("variance", equalTo(-20.00f))
                .body("counts[0].variance", equalTo(-20.00f)).body("totals.cash", equalTo(50.00f))
                .body("awaiting", equalTo("supervisor"));
        t.as("finance").get("/api/v1/cash-sessions?owner=" + t.userOf("sales_rep")).then().statusCode(200)
                .body("items[0].variance", equalTo(-20.00f));
        t.decide(t.as("supervisor"), id, "APPROVE", "COUNT_ERROR").statusCode(200).body("status", equalTo("CLOSED"));
        // decided: the owner sees the outcome
        t.asRep().get("/api/v1/cash-sessions/" + id).then().statusCode(200)
                .body("variance", equalTo(-20.00f)).body("expectedCash", equalTo(150.00f));
    }

    @SuppressWarnings("unchecked")
    private static void assertBlind(Map<String, Object> session) {
        assertThat(session).doesNotContainKeys("expectedCash", "variance", "totals", "varianceTier", "awaiting");
        Object counts = session.get("counts");
        if (counts instanceof List<?> list) {
            for (Object c : list) {
                assertThat((Map<String, Object>) c).doesNotContainKeys("expectedCash", "variance", "varianceTier");
            }
        }
    }

    @Test
    void anAutoVarianceClosesAtOnce() {
        TenantFixture t = new TenantFixture();
        String id = t.open("100");
        t.close(id, "101.00").statusCode(200).body("status", equalTo("CLOSED")).body("variance", equalTo(1.00f));
        assertThat(Db.count("select count(*) from variance_decision where session_id = ?", UUID.fromString(id)))
                .isZero();
    }

    @Test
    void aSupervisorTierVarianceTakesOneSupervisorWhoIsNotTheOwner() {
        TenantFixture t = new TenantFixture();
        String id = t.open("100");
        t.close(id, "90").statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        t.decide(t.asRep(), id, "APPROVE", "COUNT_ERROR").statusCode(403).body("code", equalTo("self_approval"));
        t.decide(t.as("finance"), id, "APPROVE", "COUNT_ERROR").statusCode(403)
                .body("code", equalTo("approver_role_required"));
        t.decide(t.as("supervisor"), id, "APPROVE", null).statusCode(400).body("code", equalTo("validation_failed"));
        t.decide(t.as("supervisor"), id, "APPROVE", "CHANGE_GIVEN_WRONG").statusCode(200)
                .body("status", equalTo("CLOSED")).body("decisions", org.hamcrest.Matchers.hasSize(1))
                .body("decisions[0].reasonCode", equalTo("CHANGE_GIVEN_WRONG"));
        t.decide(t.as("supervisor"), id, "APPROVE", "COUNT_ERROR").statusCode(409)
                .body("code", equalTo("no_decision_pending"));
        assertThat(Db.count("select count(*) from receivable where cash_session_id = ?", UUID.fromString(id))).isZero();
    }

    @Test
    void aFinanceTierShortageTakesSupervisorThenFinanceAndOpensARepShortageReceivable() {
        TenantFixture t = new TenantFixture();
        String id = t.open("500");
        t.close(id, "400").statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        t.decide(t.as("finance"), id, "APPROVE", null).statusCode(403).body("code", equalTo("approver_role_required"));
        t.decide(t.as("supervisor"), id, "APPROVE", "THEFT_SUSPECTED").statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL")).body("awaiting", equalTo("finance"));
        t.decide(t.user("sup-2", "supervisor"), id, "APPROVE", "OTHER").statusCode(409)
                .body("code", equalTo("step_already_decided"));
        t.decide(t.user(t.userOf("supervisor"), "supervisor", "finance"), id, "APPROVE", null).statusCode(403)
                .body("code", equalTo("same_approver"));
        String receivableId = t.decide(t.as("finance"), id, "APPROVE", null).statusCode(200)
                .body("status", equalTo("CLOSED")).body("shortageReceivableId", notNullValue())
                .extract().path("shortageReceivableId");
        t.as("finance").get("/api/v1/receivables/" + receivableId).then().statusCode(200)
                .body("kind", equalTo("REP_SHORTAGE")).body("amountDue", equalTo(100.00f))
                .body("repId", equalTo(t.userOf("sales_rep"))).body("cashSessionId", equalTo(id))
                .body("status", equalTo("OPEN"));
        // the rep sees their own shortage
        t.asRep().get("/api/v1/receivables?status=OPEN").then().statusCode(200)
                .body("items[0].id", equalTo(receivableId));
    }

    @Test
    void anApprovedFinanceTierOverageOpensNoReceivable() {
        TenantFixture t = new TenantFixture();
        String id = t.open("100");
        t.close(id, "200").statusCode(200);
        t.decide(t.as("supervisor"), id, "APPROVE", "OTHER").statusCode(200);
        t.decide(t.as("finance"), id, "APPROVE", null).statusCode(200).body("status", equalTo("CLOSED"))
                .body("$", not(hasKey("shortageReceivableId")));
    }

    @Test
    void aRejectedCountGoesBackToCountingAndTheRecountIsKeptBesideTheOld() {
        TenantFixture t = new TenantFixture();
        String id = t.open("100");
        t.collect(id, "100", "CASH").statusCode(201);
        t.close(id, "170").statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        t.decide(t.as("supervisor"), id, "REJECT", "COUNT_ERROR").statusCode(200).body("status", equalTo("COUNTING"));
        // no more money moves while counting
        t.collect(id, "5", "CASH").statusCode(409).body("code", equalTo("session_not_open"));
        t.close(id, "200").statusCode(200).body("status", equalTo("CLOSED"))
                .body("counts", org.hamcrest.Matchers.hasSize(2))
                .body("counts[0].countedCash", equalTo(170.00f)).body("counts[0].outcome", equalTo("REJECTED"))
                .body("counts[1].countedCash", equalTo(200.00f)).body("counts[1].outcome", equalTo("ACCEPTED"));
        assertThat(Db.count("select count(*) from cash_count where session_id = ?", UUID.fromString(id)))
                .isEqualTo(2);
    }

    @Test
    void policiesHaveDefaultsAndAnAdminChangesThem() {
        TenantFixture t = new TenantFixture();
        t.as("supervisor").get("/api/v1/cash-policies").then().statusCode(200)
                .body("autoAcceptBelow", equalTo(1.00f)).body("supervisorBelow", equalTo(50.00f))
                .body("creditDays", equalTo(30)).body("depositConfirmDays", equalTo(3));
        t.as("supervisor").body("{\"autoAcceptBelow\":5,\"supervisorBelow\":10,\"creditDays\":14,"
                + "\"depositConfirmDays\":2}").put("/api/v1/cash-policies").then().statusCode(403);
        t.as("admin").body("{\"autoAcceptBelow\":5,\"supervisorBelow\":10,\"creditDays\":14,"
                + "\"depositConfirmDays\":2}").put("/api/v1/cash-policies").then().statusCode(200)
                .body("autoAcceptBelow", equalTo(5.00f));
        t.as("admin").body("{\"autoAcceptBelow\":20,\"supervisorBelow\":10,\"creditDays\":14,"
                + "\"depositConfirmDays\":2}").put("/api/v1/cash-policies").then().statusCode(400)
                .body("errors[0].field", equalTo("supervisorBelow"));
        String id = t.open("100");
        t.close(id, "95").statusCode(200).body("status", equalTo("CLOSED"));
        String second = t.open("100");
        t.close(second, "111").statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        t.as("supervisor").get("/api/v1/cash-sessions/" + second).then().body("varianceTier", equalTo("FINANCE"));
    }

    @Test
    void listsPageWithKeysetCursorsAndOwnersSeeTheirOwn() {
        TenantFixture t = new TenantFixture();
        for (int i = 0; i < 3; i++) {
            String id = t.open("10");
            t.close(id, "10").statusCode(200);
        }
        String other = TenantFixture.open(t.user("rep-2", "sales_rep"), "10");
        JsonPath first = t.as("finance").get("/api/v1/cash-sessions?limit=2").then().statusCode(200).extract()
                .jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        assertThat(first.getString("items[0].id")).isEqualTo(other);
        String cursor = first.getString("nextCursor");
        JsonPath second = t.as("finance").get("/api/v1/cash-sessions?limit=2&cursor=" + cursor).then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items")).hasSize(2);
        assertThat(second.getString("nextCursor")).isNull();
        t.asRep().get("/api/v1/cash-sessions?owner=rep-2").then().statusCode(200)
                .body("items.size()", equalTo(3));
        t.asRep().get("/api/v1/cash-sessions/" + other).then().statusCode(404);
        t.as("supervisor").get("/api/v1/cash-sessions?owner=rep-2&status=OPEN").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(other));
        t.as("supervisor").get("/api/v1/cash-sessions?status=CLOSED&from=2020-01-01&to=2999-01-01").then()
                .statusCode(200).body("items.size()", equalTo(3)).body("nextCursor", nullValue());
    }

    @Test
    void aPayoutMayNotTakeMoreCashThanTheDrawerHolds() {
        TenantFixture t = new TenantFixture();
        String id = t.open("10");
        t.collect(id, "1000", "CARD").statusCode(201);
        t.payout(id, "10.01", "stationery").statusCode(422).body("code", equalTo("payout_exceeds_cash"));
        t.payout(id, "10", "stationery").statusCode(201).body("amount", equalTo(10.00f));
        t.payout(id, "1", "").statusCode(400);
    }
}
