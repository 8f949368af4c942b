package io.fieldsales.cash.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.cash.CashTestInfra;
import io.fieldsales.platform.testing.Concurrently;
import io.fieldsales.cash.Db;
import io.fieldsales.cash.OrderEvents;
import io.fieldsales.cash.TenantFixture;
import io.fieldsales.cash.service.CashRefund;
import io.fieldsales.cash.service.ReceivableService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CashConcurrencyTest extends CashTestInfra {

    @Inject
    ReceivableService receivables;

    /**
     * A CASH refund arriving (the order.events consumer's path) while its rep opens a session: before the rep's
     * advisory lock, each could run before the other committed, the refund stayed pending beside the open session
     * and was never paid out (found by the local stack's BusinessDayIT/--demo-data).
     */
    @Test
    void aCashRefundArrivingWhileItsRepOpensASessionIsPaidOutOfItOnce() throws Exception {
        TenantFixture t = new TenantFixture();
        int rounds = 15;
        for (int round = 0; round < rounds; round++) {
            String rep = "racing-rep-" + round;
            UUID refund = UUID.randomUUID();
            CashRefund cash = new CashRefund(t.tenant, refund, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    rep, new BigDecimal("12.50"), "ZAR");
            List<Integer> answers = Concurrently.run(2, 2, i -> i == 0
                    ? t.user(rep, "sales_rep").body("{\"openingFloat\":100,\"currency\":\"ZAR\"}")
                            .post("/api/v1/cash-sessions").statusCode()
                    : arrive(cash));
            assertThat(answers.get(0)).isEqualTo(201);
            assertThat(Db.count("select count(*) from payout p join cash_session s on s.id = p.session_id"
                    + " where p.refund_id = ? and s.owner_id = ? and s.status = 'OPEN'", refund, rep))
                    .as("round %d: the refund is paid out of the open session", round).isEqualTo(1);
            assertThat(Db.count("select count(*) from pending_refund where refund_id = ? and applied_payout_id is null",
                    refund)).as("round %d: nothing left pending", round).isZero();
        }
    }

    /** The consumer's unit of work for a refund.issued CASH event (in a transaction, as processOnce runs it). */
    private int arrive(CashRefund refund) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> receivables.cashRefund(refund)));
            return 0;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoParallelOpensForOneOwnerYieldOneSession() throws Exception {
        TenantFixture t = new TenantFixture();
        List<Response> answers = Concurrently.run(2, 2, i -> t.asRep()
                .body("{\"openingFloat\":100,\"currency\":\"ZAR\"}").post("/api/v1/cash-sessions"));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).first()
                .extracting(r -> r.jsonPath().getString("code")).isEqualTo("session_already_open");
        assertThat(Db.count("select count(*) from cash_session where tenant_id = ?", t.tenant)).isEqualTo(1);
    }

    @Test
    void fiftyParallelRetriesOfOneCollectionWithOneKeyRecordOneCollection() throws Exception {
        TenantFixture t = new TenantFixture();
        String session = t.open("0");
        List<Response> answers = Concurrently.run(50, 16, i -> t.asRep().header("Idempotency-Key", "col-1")
                .body("{\"amount\":25.50,\"method\":\"CASH\",\"reference\":\"receipt 7\"}")
                .post("/api/v1/cash-sessions/" + session + "/collections"));
        assertThat(answers).extracting(Response::statusCode).allMatch(s -> s == 201 || s == 409);
        List<String> ids = answers.stream().filter(r -> r.statusCode() == 201).map(r -> r.jsonPath().getString("id"))
                .distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(Db.count("select count(*) from collection where session_id = ?", UUID.fromString(session)))
                .isEqualTo(1);
        assertThat(new BigDecimal(Db.text("select cash_total::text from cash_session where id = ?",
                UUID.fromString(session)))).isEqualByComparingTo("25.50");
    }

    @Test
    void twentyParallelCollectionsAgainstTenDueNeverOverAllocate() throws Exception {
        TenantFixture t = new TenantFixture();
        UUID order = UUID.randomUUID();
        try (OrderEvents events = new OrderEvents()) {
            events.send(UUID.randomUUID(), t.tenant, OrderEvents.DELIVERED, order.toString(),
                    OrderEvents.delivered(order, UUID.randomUUID(), t.userOf("sales_rep"), "10.00", "ZAR", "COD"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "select count(*) from receivable where tenant_id = ? and order_id = ?", t.tenant, order) == 1);
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sessions.add(TenantFixture.open(t.user("rep-" + i, "sales_rep"), "0"));
        }
        List<Integer> statuses = Concurrently.run(20, 20, i -> TenantFixture.collect(t.user("rep-" + i, "sales_rep"),
                sessions.get(i), "1.00", "CASH", order.toString()).extract().statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(10);
        assertThat(new BigDecimal(Db.text("select amount_paid::text from receivable where order_id = ?", order)))
                .isEqualByComparingTo("10");
        assertThat(new BigDecimal(Db.text("select coalesce(sum(a.amount), 0)::text from allocation a join receivable r"
                + " on r.id = a.receivable_id where r.order_id = ?", order))).isEqualByComparingTo("10");
        assertThat(Db.text("select status from receivable where order_id = ?", order)).isEqualTo("SETTLED");
    }

    @Test
    void twoDepositsRacingForOneSessionOneWins() throws Exception {
        TenantFixture t = new TenantFixture();
        String session = t.closedSession(t.asRep(), "300");
        List<Response> answers = Concurrently.run(2, 2, i -> t.user("cashier-" + i, "cashier")
                .body("{\"sessionIds\":[\"" + session + "\"],\"bankAccount\":\"FNB 62000000001\",\"slipNumber\":\"S-"
                        + i + "\",\"amount\":300,\"depositedAt\":\"" + Instant.now() + "\"}")
                .post("/api/v1/deposits"));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).first()
                .extracting(r -> r.jsonPath().getString("code")).isEqualTo("session_already_deposited");
        assertThat(Db.count("select count(*) from deposit_session where session_id = ?", UUID.fromString(session)))
                .isEqualTo(1);
    }

    @Test
    void twoConcurrentDecisionsOnOneStepOneWinsTheOtherGets409() throws Exception {
        TenantFixture t = new TenantFixture();
        String session = t.open("100");
        t.close(session, "80").statusCode(200);
        List<Response> answers = Concurrently.run(2, 2, i -> t.user("sup-" + i, "supervisor")
                .body("{\"decision\":\"" + (i == 0 ? "APPROVE" : "REJECT") + "\",\"reasonCode\":\"COUNT_ERROR\"}")
                .post("/api/v1/cash-sessions/" + session + "/decision"));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(Db.count("select count(*) from variance_decision where session_id = ?", UUID.fromString(session)))
                .isEqualTo(1);
    }
}
