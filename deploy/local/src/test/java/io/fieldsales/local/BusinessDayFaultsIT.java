package io.fieldsales.local;

import static io.fieldsales.local.BusinessDay.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.local.GatewayClient.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16's faults during the business day, on the shared local stack: Kafka stopped for 30 s in the middle of the
 * cash step, customer-service stopped while the rep orders for a shop order-service has not seen, and cash-service
 * SIGKILLed during a burst of collections. Each test restores what it broke (also when it fails: {@link #restore}),
 * because the other end-to-end tests share the stack.
 */
@ExtendWith(SuiteStack.class)
class BusinessDayFaultsIT {

    static final Duration KAFKA_OUTAGE = Duration.ofSeconds(30);

    @AfterEach
    void restore() throws Exception {
        LocalStack stack = SuiteStack.stack();
        if (!kafkaUp) {
            stack.restoreKafka();
            kafkaUp = true;
        }
        for (ServiceProcess p : stack.services()) {
            if (!p.isAlive()) {
                stack.startService(p.name());
            }
        }
    }

    private boolean kafkaUp = true;

    /** Step 1 of a new day (fresh tenants), everyone logged in. */
    private static BusinessDay peopleOfANewDay() throws Exception {
        BusinessDay day = BusinessDayIT.newDay();
        day.createTenantsAndPeople();
        day.logIn();
        return day;
    }

    /** A write answered 2xx and the audit record it must produce: its type, about that entity. */
    record Write(String type, String entityId) {
    }

    @Test
    void everyWriteAnsweredDuringAKafkaOutageReachesTheAuditTrailOnce() throws Exception {
        LocalStack stack = SuiteStack.stack();
        BusinessDay day = peopleOfANewDay();
        day.findOrCreateShopTwice();
        assertThat(day.sell().confirmedOrder().text("status")).isEqualTo("CONFIRMED");

        List<Write> answered = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();
        Instant cut = Instant.now();
        stack.kafkaOutage();
        kafkaUp = false;
        // step 4 while Kafka is down
        BusinessDay.Cash cash = day.deliverAndCollect();
        expect(answered, refused, cash.fulfilled(), "io.fieldsales.order.order.fulfilled.v1", day.orderId);
        expect(answered, refused, cash.delivered(), "io.fieldsales.order.order.delivered.v1", day.orderId);
        expect(answered, refused, cash.opened(), "io.fieldsales.cash.cash-session.opened.v1", day.sessionId);
        expect(answered, refused, cash.collected(), "io.fieldsales.cash.collection.recorded.v1",
                cash.collected().text("id"));
        // the rep keeps selling over the counter until the outage has lasted 30 s
        AtomicInteger walkIns = new AtomicInteger();
        BigDecimal[] walkInTotal = {BigDecimal.ZERO};
        await().atMost(KAFKA_OUTAGE.plusSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            BigDecimal amount = new BigDecimal("10.00").add(BigDecimal.valueOf(walkIns.get()));
            Reply r = day.collect(day.sessionId, amount, "walk-in-" + walkIns.incrementAndGet(), false);
            if (r.ok()) {
                walkInTotal[0] = walkInTotal[0].add(amount);
            }
            expect(answered, refused, r, "io.fieldsales.cash.collection.recorded.v1", r.text("id"));
            return Duration.between(cut, Instant.now()).compareTo(KAFKA_OUTAGE) >= 0;
        });
        BigDecimal expected = BusinessDay.OPENING_FLOAT.add(cash.collected().ok() ? cash.collected().money("amount")
                : BigDecimal.ZERO).add(walkInTotal[0]);
        BusinessDay.Cash closed = day.closeApproveAndDeposit(cash, expected.subtract(BusinessDay.SHORTAGE));
        expect(answered, refused, closed.closed(), "io.fieldsales.cash.cash-session.closed.v1", day.sessionId);
        expect(answered, refused, closed.approved(), "io.fieldsales.cash.variance.decided.v1", day.sessionId);
        expect(answered, refused, closed.deposited(), "io.fieldsales.cash.deposit.created.v1", day.depositId);
        expect(answered, refused, closed.confirmed(), "io.fieldsales.cash.deposit.confirmed.v1", day.depositId);
        Duration outage = Duration.between(cut, Instant.now());
        stack.restoreKafka();
        kafkaUp = true;
        System.out.printf("BENCHMARK kafka outage %.1f s: %d writes answered 2xx, %d refused (%s)%n",
                outage.toMillis() / 1000.0, answered.size(), refused.size(), refused);
        assertThat(outage).isGreaterThanOrEqualTo(KAFKA_OUTAGE);
        // the outbox keeps the writes going: the whole cash step is answered while Kafka is down
        assertThat(answered).hasSizeGreaterThanOrEqualTo(12);
        assertThat(closed.confirmed().text("status")).as(closed.confirmed().raw()).isEqualTo("CONFIRMED");

        Instant back = Instant.now();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Write w : answered) {
                Reply page = day.auditEvents(day.auditorToken, param("entityId", w.entityId()) + "&"
                        + param("type", w.type()));
                assertThat(page.status()).as(page.raw()).isEqualTo(200);
                assertThat(page.body().path("items")).as("%s in the audit trail once", w).hasSize(1);
            }
        });
        System.out.printf("BENCHMARK kafka outage: every answered write in the audit trail %.1f s after Kafka"
                + " returned%n", Duration.between(back, Instant.now()).toMillis() / 1000.0);
        // and the rest of the day goes on: the order completes once the settlement flows
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(day.order().text("status")).isEqualTo("COMPLETED"));
    }

    private static void expect(List<Write> answered, List<Integer> refused, Reply r, String type, String entityId) {
        if (r.ok()) {
            answered.add(new Write(type, entityId));
        } else {
            refused.add(r.status());
        }
    }

    @Test
    void anOrderForAShopOrderServiceHasNotSeenWaitsForCustomerServiceThenSucceedsOnce() throws Exception {
        LocalStack stack = SuiteStack.stack();
        BusinessDay day = peopleOfANewDay();
        day.findOrCreateShopTwice();
        day.sell();
        // the shop is created while Kafka is down, and customer-service stops before it could tell anyone
        stack.kafkaOutage();
        kafkaUp = false;
        Reply shop = day.findOrCreate("071 555 0199");
        assertThat(shop.status()).as(shop.raw()).isEqualTo(201);
        String shopId = shop.text("id");
        stack.stopService("customer-service");
        stack.restoreKafka();
        kafkaUp = true;

        GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
        Map<String, Object> order = Map.of("customerId", shopId, "location", day.van, "paymentTerms", "COD",
                "lines", List.of(Map.of("sku", BusinessDay.SKU_B, "quantity", 1)));
        Map<String, String> key = GatewayClient.idempotencyKey("order-unseen-" + shopId);
        Instant sent = Instant.now();
        Reply refused = gateway.post("/api/v1/orders", day.repToken, order, key);
        Duration took = Duration.between(sent, Instant.now());
        System.out.printf("BENCHMARK order for an unseen customer with customer-service down: %d in %d ms%n",
                refused.status(), took.toMillis());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("dependency_unavailable");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(took).isLessThan(Duration.ofSeconds(2));

        stack.startService("customer-service");
        Reply[] created = new Reply[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            created[0] = gateway.post("/api/v1/orders", day.repToken, order, key);
            assertThat(created[0].status()).as(created[0].raw()).isEqualTo(201);
        });
        Reply again = gateway.post("/api/v1/orders", day.repToken, order, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(created[0].text("id"));
        assertThat(again.replayed()).isTrue();
        Reply orders = gateway.get("/api/v1/orders?" + param("customerId", shopId), day.repToken);
        assertThat(orders.status()).as(orders.raw()).isEqualTo(200);
        assertThat(orders.body().path("items")).as(orders.raw()).hasSize(1);
    }

    @Test
    void collectionsAnsweredBeforeCashServiceWasKilledAreThereExactlyOnce() throws Exception {
        LocalStack stack = SuiteStack.stack();
        BusinessDay day = peopleOfANewDay();
        Reply opened = day.openSession("burst-session", BusinessDay.OPENING_FLOAT);
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String session = opened.text("id");

        int burst = 40;
        Map<Integer, Reply> answers = new ConcurrentHashMap<>();
        CountDownLatch someAnswered = new CountDownLatch(8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < burst; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    Reply r = collect(day, session, n);
                    answers.put(n, r);
                    if (r.ok()) {
                        someAnswered.countDown();
                    }
                    return null;
                }));
            }
            assertThat(someAnswered.await(60, TimeUnit.SECONDS)).as("collections before the kill").isTrue();
            stack.killService("cash-service");
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, String> before = new ConcurrentHashMap<>();
        answers.forEach((n, r) -> {
            if (r.ok()) {
                before.put(n, r.text("id"));
            }
        });
        System.out.printf("BENCHMARK cash-service SIGKILL during %d collections: %d answered 2xx before%n", burst,
                before.size());
        assertThat(before.size()).isBetween(8, burst);

        stack.startService("cash-service");
        // the rep retries every collection with its Idempotency-Key: the answered ones replay, the others land once
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (int n = 0; n < burst; n++) {
                Reply r = collect(day, session, n);
                assertThat(r.status()).as("collection %d after the restart: %s", n, r.raw()).isEqualTo(201);
                if (before.containsKey(n)) {
                    assertThat(r.text("id")).as("collection %d answered before the kill", n)
                            .isEqualTo(before.get(n));
                    assertThat(r.replayed()).isTrue();
                }
            }
        });
        BigDecimal collected = BigDecimal.ZERO;
        for (int n = 0; n < burst; n++) {
            collected = collected.add(amount(n));
        }
        Reply view = day.session(session, day.supervisorToken);
        assertThat(view.status()).as(view.raw()).isEqualTo(200);
        assertThat(view.body().path("totals").path("collections").asInt()).as(view.raw()).isEqualTo(burst);
        assertThat(view.body().path("totals").path("cash").decimalValue()).isEqualByComparingTo(collected);
        // and the session's totals add up: counting exactly float + collections closes it without a variance
        Reply closed = day.closeSession(session, BusinessDay.OPENING_FLOAT.add(collected));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(closed.money("variance")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    private static BigDecimal amount(int n) {
        return new BigDecimal("1.01").multiply(BigDecimal.valueOf(n + 1));
    }

    private static Reply collect(BusinessDay day, String session, int n) throws Exception {
        try {
            return day.collect(session, amount(n), "burst-" + session + "-" + n, false);
        } catch (java.io.IOException e) {
            // the connection died with the service behind the gateway
            return new Reply(599, null, e.toString(), false, Map.of());
        }
    }
}
