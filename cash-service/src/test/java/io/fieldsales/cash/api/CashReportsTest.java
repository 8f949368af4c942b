package io.fieldsales.cash.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fieldsales.cash.CashTestInfra;
import io.fieldsales.cash.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CashReportsTest extends CashTestInfra {

    @Test
    void variancesPerRepCountFlaggedAndPendingSessions() {
        TenantFixture t = new TenantFixture();
        String a = t.open("100");
        t.close(a, "99.50").statusCode(200);
        String b = t.open("100");
        t.close(b, "80").statusCode(200);
        t.decide(t.as("supervisor"), b, "APPROVE", "COUNT_ERROR").statusCode(200);
        String c = t.open("100");
        t.close(c, "130").statusCode(200);
        t.as("finance").get("/api/v1/reports/variances?from=2020-01-01&to=" + Instant.now().plusSeconds(60)).then()
                .statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].repId", equalTo(t.userOf("sales_rep"))).body("items[0].sessions", equalTo(3))
                .body("items[0].totalVariance", equalTo(9.5f)).body("items[0].absoluteVariance", equalTo(50.5f))
                .body("items[0].flagged", equalTo(2)).body("items[0].pendingDecisions", equalTo(1));
        t.as("finance").get("/api/v1/reports/variances?rep=nobody").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void cashPositionShowsWhereEachRepsCashIs() {
        TenantFixture t = new TenantFixture();
        String open = t.open("100");
        t.collect(open, "50", "CASH").statusCode(201);
        t.collect(open, "500", "CARD").statusCode(201);
        String closed = t.closedSession(t.user("rep-2", "sales_rep"), "70");
        String deposited = t.closedSession(t.user("rep-3", "sales_rep"), "30");
        t.as("cashier").body(DepositResourceTest.body("30", null, deposited)).post("/api/v1/deposits").then()
                .statusCode(201);
        t.as("finance").get("/api/v1/reports/cash-position").then().statusCode(200)
                .body("depositConfirmDays", equalTo(3))
                .body("items.find { it.repId == '" + t.userOf("sales_rep") + "' }.openSessionsExpectedCash",
                        equalTo(150f))
                .body("items.find { it.repId == 'rep-2' }.closedNotDeposited", equalTo(70f))
                .body("items.find { it.repId == 'rep-2' }.closedNotDepositedAgeDays", equalTo(0))
                .body("items.find { it.repId == 'rep-3' }.depositedNotConfirmed", equalTo(30f))
                .body("items.location", hasItem("Depot North"));
    }
}
