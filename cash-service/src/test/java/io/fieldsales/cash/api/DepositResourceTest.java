package io.fieldsales.cash.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.cash.CashTestInfra;
import io.fieldsales.cash.Db;
import io.fieldsales.cash.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DepositResourceTest extends CashTestInfra {

    static String body(String amount, String reason, String... sessions) {
        return "{\"sessionIds\":[\"" + String.join("\",\"", sessions) + "\"],\"bankAccount\":\"FNB 62000000001\","
                + "\"slipNumber\":\"SL-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"amount\":" + amount
                + ",\"depositedAt\":\"" + Instant.now() + "\"" + (reason == null ? "" : ",\"discrepancyReason\":\""
                + reason + "\"") + "}";
    }

    @Test
    void closedSessionsAreDepositedThenConfirmedAndReconciled() {
        TenantFixture t = new TenantFixture();
        String a = t.closedSession(t.asRep(), "300");
        String b = t.closedSession(t.user("rep-2", "sales_rep"), "200.50");
        t.as("cashier").body(body("500", null, a, b)).post("/api/v1/deposits").then().statusCode(422)
                .body("code", equalTo("deposit_amount_mismatch"));
        String deposit = t.as("cashier").body(body("500.50", null, a, b)).post("/api/v1/deposits").then()
                .statusCode(201).body("status", equalTo("DEPOSITED")).body("flagged", equalTo(false))
                .body("expectedAmount", equalTo(500.50f)).body("ageing", equalTo(false)).extract().path("id");
        t.as("supervisor").get("/api/v1/cash-sessions/" + a).then().body("status", equalTo("DEPOSITED"))
                .body("depositId", equalTo(deposit));
        t.as("cashier").body("{\"bankReference\":\"BNK-1\",\"confirmedAmount\":500.50}")
                .post("/api/v1/deposits/" + deposit + "/confirm").then().statusCode(403);
        t.as("finance").body("{\"bankReference\":\"BNK-1\",\"confirmedAmount\":500.50}")
                .post("/api/v1/deposits/" + deposit + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("difference", equalTo(0.00f));
        t.as("supervisor").get("/api/v1/cash-sessions/" + b).then().body("status", equalTo("RECONCILED"));
        t.as("finance").body("{\"bankReference\":\"BNK-1\",\"confirmedAmount\":500.50}")
                .post("/api/v1/deposits/" + deposit + "/confirm").then().statusCode(409)
                .body("code", equalTo("deposit_already_confirmed"));
    }

    @Test
    void onlyClosedSessionsNotYetDepositedGoIntoADeposit() {
        TenantFixture t = new TenantFixture();
        String open = t.open("10");
        t.as("cashier").body(body("10", null, open)).post("/api/v1/deposits").then().statusCode(409)
                .body("code", equalTo("session_not_closed"));
        t.close(open, "10").statusCode(200);
        t.as("cashier").body(body("10", null, open)).post("/api/v1/deposits").then().statusCode(201);
        t.as("finance").body(body("10", null, open)).post("/api/v1/deposits").then().statusCode(409)
                .body("code", equalTo("session_already_deposited"));
        t.as("finance").body(body("10", null, UUID.randomUUID().toString())).post("/api/v1/deposits").then()
                .statusCode(404);
        TenantFixture other = new TenantFixture();
        other.as("finance").body(body("10", null, open)).post("/api/v1/deposits").then().statusCode(404);
    }

    @Test
    void aDiscrepancyIsFlaggedAndADisputeIsResolvedByALaterConfirm() {
        TenantFixture t = new TenantFixture();
        String s = t.closedSession(t.asRep(), "100");
        String deposit = t.as("supervisor").body(body("95", "a torn R5 note kept back", s)).post("/api/v1/deposits")
                .then().statusCode(201).body("flagged", equalTo(true)).extract().path("id");
        t.as("finance").body("{\"bankReference\":\"BNK-7\",\"confirmedAmount\":90}")
                .post("/api/v1/deposits/" + deposit + "/confirm").then().statusCode(200)
                .body("status", equalTo("DISPUTED")).body("difference", equalTo(-5.00f));
        t.as("supervisor").get("/api/v1/cash-sessions/" + s).then().body("status", equalTo("DEPOSITED"));
        t.as("finance").get("/api/v1/deposits?status=DISPUTED").then().statusCode(200)
                .body("items[0].id", equalTo(deposit));
        t.as("finance").body("{\"bankReference\":\"BNK-7b\",\"confirmedAmount\":95}")
                .post("/api/v1/deposits/" + deposit + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        t.as("supervisor").get("/api/v1/cash-sessions/" + s).then().body("status", equalTo("RECONCILED"));
    }

    @Test
    void depositsNotConfirmedWithinTheTenantsDaysShowAsAgeing() {
        TenantFixture t = new TenantFixture();
        String s = t.closedSession(t.asRep(), "40");
        String deposit = t.as("cashier").body(body("40", null, s)).post("/api/v1/deposits").then().statusCode(201)
                .extract().path("id");
        String fresh = t.as("cashier").body(body("40", null, t.closedSession(t.user("rep-2", "sales_rep"), "40")))
                .post("/api/v1/deposits").then().statusCode(201).extract().path("id");
        Db.execute("update deposit set deposited_at = now() - interval '4 days' where id = ?", UUID.fromString(deposit));
        t.as("finance").get("/api/v1/deposits?ageing=true").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(deposit))
                .body("items[0].ageDays", equalTo(4));
        t.as("finance").get("/api/v1/deposits/" + fresh).then().statusCode(200).body("ageing", equalTo(false));
        assertThat(Db.count("select count(*) from deposit where tenant_id = ?", t.tenant)).isEqualTo(2);
    }
}
