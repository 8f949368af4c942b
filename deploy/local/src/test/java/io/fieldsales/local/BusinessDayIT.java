package io.fieldsales.local;

import static io.fieldsales.local.BusinessDay.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.local.GatewayClient.Reply;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: a field-sales business day played through the gateway only (real HTTP against the shared local stack,
 * every service its own JVM on embedded PostgreSQL and Kafka), step by step with exact statuses and amounts; the
 * asynchronous effects (events through Kafka) are awaited with deadlines.
 */
@ExtendWith(SuiteStack.class)
class BusinessDayIT {

    static final Duration ASYNC = Duration.ofSeconds(60);

    // the day's prices: 40.00 - 5 % rule = 38.00, - 15 % manual = 32.30 a unit
    static final BigDecimal NET_A = new BigDecimal("32.30");
    static final BigDecimal SUBTOTAL_A = new BigDecimal("387.60");
    static final BigDecimal TAX_A = new BigDecimal("58.14");
    static final BigDecimal SUBTOTAL_B = new BigDecimal("40.00");
    static final BigDecimal TAX_B = new BigDecimal("6.00");
    static final BigDecimal ORDER_TOTAL = new BigDecimal("491.74");
    static final BigDecimal COUNTED = new BigDecimal("586.74"); // 100.00 float + 491.74 collected - 5.00
    static final BigDecimal CREDIT = new BigDecimal("74.29"); // 2 x 32.30 = 64.60 + 9.69 tax

    /** A day on a fresh pair of tenants, with generated passwords. */
    static BusinessDay newDay() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        java.util.Map<String, String> passwords = new java.util.concurrent.ConcurrentHashMap<>();
        return new BusinessDay(new GatewayClient(SuiteStack.stack().gatewayUrl()), SuiteStack.stack().platformAdmin(),
                "acme-" + suffix, "globex-" + suffix, user -> passwords.computeIfAbsent(user,
                        u -> LocalSecrets.password(16)));
    }

    @Test
    void aFieldSalesDayThroughTheGateway() throws Exception {
        BusinessDay day = newDay();

        // 1. tenants and people
        BusinessDay.Tenants tenants = day.createTenantsAndPeople();
        assertThat(tenants.acme().status()).as(tenants.acme().raw()).isEqualTo(201);
        assertThat(tenants.users()).hasSize(6).allSatisfy(u -> assertThat(u.status()).as(u.raw()).isEqualTo(201));
        assertThat(tenants.globex().status()).as(tenants.globex().raw()).isEqualTo(201);
        day.logIn();

        // 2. one shop, whichever way the phone is written
        BusinessDay.Shop shop = day.findOrCreateShopTwice();
        assertThat(shop.first().status()).as(shop.first().raw()).isEqualTo(201);
        assertThat(shop.second().status()).as(shop.second().raw()).isIn(200, 201);
        assertThat(shop.second().text("id")).isEqualTo(day.customerId);
        assertThat(shop.first().text("phoneE164")).isEqualTo("+27825550100");

        // 3. catalogue, stock, rule, quotation -> approval -> order
        BusinessDay.Selling selling = day.sell();
        assertThat(selling.products()).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
        assertThat(selling.stock()).allSatisfy(r -> assertThat(r.status()).as(r.raw()).isEqualTo(201));
        assertThat(selling.rule().status()).as(selling.rule().raw()).isEqualTo(201);
        assertThat(selling.quotation().status()).as(selling.quotation().raw()).isEqualTo(201);
        assertThat(selling.quotation().money("total")).isEqualByComparingTo(ORDER_TOTAL);
        assertThat(selling.sent().status()).as(selling.sent().raw()).isEqualTo(200);
        assertThat(selling.accepted().status()).as(selling.accepted().raw()).isEqualTo(200);
        assertThat(selling.accepted().text("status")).isEqualTo("ACCEPTED");
        assertThat(selling.accepted().text("orderStatus")).isEqualTo("PENDING_APPROVAL");
        assertThat(selling.pendingOrder().text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(day.approvalId).as(selling.pendingOrder().raw()).isNotEmpty();
        assertThat(selling.decision().status()).as(selling.decision().raw()).isEqualTo(200);
        assertThat(selling.decision().text("status")).isEqualTo("APPROVED");
        Reply order = selling.confirmedOrder();
        assertThat(order.text("status")).isEqualTo("CONFIRMED");
        assertThat(order.text("quotationId")).isEqualTo(day.quotationId);
        assertThat(order.money("subtotal")).isEqualByComparingTo(SUBTOTAL_A.add(SUBTOTAL_B));
        assertThat(order.money("tax")).isEqualByComparingTo(TAX_A.add(TAX_B));
        assertThat(order.money("total")).isEqualByComparingTo(ORDER_TOTAL);
        JsonNode lineA = line(order.body(), BusinessDay.SKU_A);
        assertThat(lineA.path("listUnitPrice").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(lineA.path("appliedRules")).hasSize(1);
        assertThat(lineA.path("appliedRules").get(0).path("name").asText()).isEqualTo(BusinessDay.RULE_NAME);
        assertThat(lineA.path("appliedRules").get(0).path("unitPriceAfter").decimalValue())
                .isEqualByComparingTo("38.00");
        assertThat(lineA.path("discountPercent").decimalValue()).isEqualByComparingTo("15");
        assertThat(lineA.path("manualDiscount").decimalValue()).isEqualByComparingTo("68.40"); // 5.70 x 12
        assertThat(lineA.path("netUnitPrice").decimalValue()).isEqualByComparingTo(NET_A);
        assertThat(lineA.path("subtotal").decimalValue()).isEqualByComparingTo(SUBTOTAL_A);
        assertThat(line(order.body(), BusinessDay.SKU_B).path("appliedRules")).isEmpty();
        assertStock(day, BusinessDay.SKU_A, 20, 12);
        assertStock(day, BusinessDay.SKU_B, 20, 5);

        // 4. delivered COD, collected, counted short, approved, deposited, confirmed
        BusinessDay.Cash cash = day.closeApproveAndDeposit(day.deliverAndCollect(), COUNTED);
        assertThat(cash.fulfilled().status()).as(cash.fulfilled().raw()).isEqualTo(200);
        assertThat(cash.delivered().status()).as(cash.delivered().raw()).isEqualTo(200);
        assertThat(cash.delivered().text("status")).isEqualTo("DELIVERED");
        assertThat(cash.delivered().money("amountDue")).isEqualByComparingTo(ORDER_TOTAL);
        assertThat(cash.opened().status()).as(cash.opened().raw()).isEqualTo(201);
        assertThat(cash.collected().status()).as(cash.collected().raw()).isEqualTo(201);
        assertThat(cash.collected().money("amount")).isEqualByComparingTo(ORDER_TOTAL);
        assertThat(cash.closed().status()).as(cash.closed().raw()).isEqualTo(200);
        assertThat(cash.closed().text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(cash.ownersView().status()).isEqualTo(200);
        assertThat(cash.ownersView().body().has("expectedCash")).as(cash.ownersView().raw()).isFalse();
        assertThat(cash.ownersView().body().has("variance")).isFalse();
        assertThat(cash.ownersView().body().has("totals")).isFalse();
        assertThat(cash.approved().status()).as(cash.approved().raw()).isEqualTo(200);
        assertThat(cash.approved().text("status")).isEqualTo("CLOSED");
        assertThat(cash.approved().money("expectedCash")).isEqualByComparingTo(COUNTED.add(BusinessDay.SHORTAGE));
        assertThat(cash.approved().money("variance")).isEqualByComparingTo(BusinessDay.SHORTAGE.negate());
        assertThat(cash.approved().body().path("decisions").path(0).path("reasonCode").asText())
                .isEqualTo("COUNT_ERROR");
        assertThat(cash.deposited().status()).as(cash.deposited().raw()).isEqualTo(201);
        assertThat(cash.deposited().money("amount")).isEqualByComparingTo(COUNTED);
        assertThat(cash.confirmed().status()).as(cash.confirmed().raw()).isEqualTo(200);
        assertThat(cash.confirmed().text("status")).isEqualTo("CONFIRMED");
        assertThat(cash.confirmed().text("bankReference")).isEqualTo("FNB-REF-" + day.acme);

        // 5. receivable.settled flowed back through Kafka: the order is COMPLETED
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(day.order().text("status")).isEqualTo("COMPLETED"));

        // 6. a return of 2 resaleable units, a credit note, a CASH refund paid out of the next session
        BusinessDay.Refund refund = day.returnAndRefund();
        assertThat(refund.returned().status()).as(refund.returned().raw()).isEqualTo(201);
        assertThat(refund.returned().text("status")).isEqualTo("APPROVED");
        assertThat(refund.received().status()).as(refund.received().raw()).isEqualTo(200);
        assertThat(refund.received().text("status")).isEqualTo("RECEIVED");
        assertThat(refund.received().body().path("creditNote").path("amount").decimalValue())
                .isEqualByComparingTo(CREDIT);
        assertStock(day, BusinessDay.SKU_A, 20 - 12 + 2, 0);
        assertThat(refund.refunded().status()).as(refund.refunded().raw()).isEqualTo(201);
        assertThat(refund.refunded().money("amount")).isEqualByComparingTo(CREDIT);
        assertThat(refund.nextSession().status()).as(refund.nextSession().raw()).isEqualTo(201);
        await().atMost(ASYNC).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply next = day.session(day.nextSessionId, day.supervisorToken);
            assertThat(next.body().path("totals").path("payouts").decimalValue()).as(next.raw())
                    .isEqualByComparingTo(CREDIT);
        });

        // 7. the auditor: the customer's timeline from every service, in order; the chain verifies, also offline
        Set<String> expected = Set.of(
                "io.fieldsales.customer.created.v1",
                "io.fieldsales.order.quotation.created.v1", "io.fieldsales.order.order.created.v1",
                "io.fieldsales.order.approval.decided.v1", "io.fieldsales.order.order.fulfilled.v1",
                "io.fieldsales.order.order.delivered.v1", "io.fieldsales.order.order.completed.v1",
                "io.fieldsales.order.return.requested.v1", "io.fieldsales.order.return.received.v1",
                "io.fieldsales.order.credit-note.issued.v1", "io.fieldsales.order.refund.issued.v1",
                "io.fieldsales.cash.collection.recorded.v1", "io.fieldsales.cash.receivable.opened.v1",
                "io.fieldsales.cash.receivable.settled.v1", "io.fieldsales.cash.payout.recorded.v1");
        List<JsonNode> timeline = new ArrayList<>();
        await().atMost(ASYNC).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Reply page = day.customerTimeline();
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            timeline.clear();
            page.body().path("items").forEach(timeline::add);
            assertThat(timeline.stream().map(e -> e.path("type").asText()).collect(Collectors.toSet()))
                    .containsAll(expected);
        });
        assertThat(timeline.stream().map(e -> e.path("source").asText()).collect(Collectors.toSet()))
                .contains("customer-service", "order-service", "cash-service");
        List<Long> sequences = timeline.stream().map(e -> e.path("sequence").asLong()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        List<String> types = timeline.stream().map(e -> e.path("type").asText()).toList();
        assertThat(types.indexOf("io.fieldsales.customer.created.v1"))
                .isLessThan(types.indexOf("io.fieldsales.order.order.created.v1"));
        assertThat(types.indexOf("io.fieldsales.order.order.delivered.v1"))
                .isLessThan(types.indexOf("io.fieldsales.order.order.completed.v1"));
        assertThat(types.indexOf("io.fieldsales.order.credit-note.issued.v1"))
                .isLessThan(types.indexOf("io.fieldsales.cash.payout.recorded.v1"));
        // the session's own story, which names no customer: opened, closed short, decided, deposited
        await().atMost(ASYNC).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Reply page = day.auditEvents(day.auditorToken, param("entityId", day.sessionId));
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            Set<String> sessionTypes = new java.util.HashSet<>();
            page.body().path("items").forEach(e -> sessionTypes.add(e.path("type").asText()));
            assertThat(sessionTypes).contains("io.fieldsales.cash.cash-session.opened.v1",
                    "io.fieldsales.cash.cash-session.closed.v1", "io.fieldsales.cash.variance.decided.v1");
        });
        Reply verified = day.verifyChain();
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        assertThat(verified.body().path("valid").asBoolean()).as(verified.raw()).isTrue();
        assertThat(verified.body().path("checked").asLong()).isGreaterThanOrEqualTo(expected.size());
        Reply export = day.exportTrail();
        assertThat(export.status()).isEqualTo(200);
        assertThat(verifyOffline(export.raw())).isGreaterThanOrEqualTo(expected.size());

        // 8. Globex sees none of it
        BusinessDay.OtherTenant globex = day.asGlobex();
        assertThat(globex.customers().status()).as(globex.customers().raw()).isEqualTo(200);
        assertThat(globex.customers().body().path("items")).isEmpty();
        assertThat(globex.orders().status()).as(globex.orders().raw()).isEqualTo(200);
        assertThat(globex.orders().body().path("items")).isEmpty();
        assertThat(globex.sessions().status()).as(globex.sessions().raw()).isEqualTo(200);
        assertThat(globex.sessions().body().path("items")).isEmpty();
        assertThat(globex.audit().status()).as(globex.audit().raw()).isEqualTo(200);
        globex.audit().body().path("items").forEach(e -> assertThat(e.path("source").asText())
                .as("Globex's trail holds only its own audit reads: %s", e).isEqualTo("audit-service"));
        assertThat(globex.acmeCustomer().status()).isEqualTo(404);
        assertThat(globex.acmeTimeline().status()).as(globex.acmeTimeline().raw()).isEqualTo(200);
        assertThat(globex.acmeTimeline().body().path("items")).isEmpty();
    }

    static JsonNode line(JsonNode order, String sku) {
        for (JsonNode l : order.path("lines")) {
            if (sku.equals(l.path("sku").asText())) {
                return l;
            }
        }
        throw new AssertionError("no line " + sku + " in " + order);
    }

    private static void assertStock(BusinessDay day, String sku, long onHand, long reserved) throws Exception {
        Reply stock = day.stockLevel(sku);
        assertThat(stock.status()).as(stock.raw()).isEqualTo(200);
        JsonNode level = stock.body().path("items").get(0);
        assertThat(level.path("onHand").asLong()).as(stock.raw()).isEqualTo(onHand);
        assertThat(level.path("reserved").asLong()).as(stock.raw()).isEqualTo(reserved);
    }

    /**
     * The documented offline check of an export (audit-service/README.md): each line's hash is
     * SHA-256(prevHash bytes || UTF-8 canonical) and its prevHash is the previous line's hash. Returns the lines.
     */
    static long verifyOffline(String ndjson) throws Exception {
        String previous = null;
        long lines = 0;
        for (String l : ndjson.split("\n")) {
            if (l.isBlank()) {
                continue;
            }
            JsonNode line = GatewayClient.JSON.readTree(l);
            String prevHash = line.path("prevHash").asText();
            if (previous != null) {
                assertThat(prevHash).as("line %d links to the previous line", line.path("sequence").asLong())
                        .isEqualTo(previous);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(prevHash));
            sha.update(line.path("canonical").asText().getBytes(StandardCharsets.UTF_8));
            assertThat(HexFormat.of().formatHex(sha.digest())).as("hash of line %d", line.path("sequence").asLong())
                    .isEqualTo(line.path("hash").asText());
            previous = line.path("hash").asText();
            lines++;
        }
        return lines;
    }
}
