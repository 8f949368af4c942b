package io.fieldsales.local;

import static io.fieldsales.local.GatewayClient.idempotencyKey;
import static io.fieldsales.local.GatewayClient.ifMatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.local.GatewayClient.Reply;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A field-sales business day played through the gateway's public API only (issue 16): the tenant Acme and its people,
 * a shop found-or-created twice, products, van stock and a pricing rule, a quotation with a manual discount that a
 * manager approves, the order fulfilled, delivered and paid cash on delivery, a cash session closed short and approved,
 * its deposit confirmed, a return with a credit note refunded in cash from the rep's next session; and a second
 * tenant, Globex, that sees none of it.
 *
 * <p>Each step returns the gateway's answers, so {@code BusinessDayIT} asserts them one by one (and awaits the
 * asynchronous effects between steps) while {@code --demo-data} ({@link DemoData}) plays the same day in one go. The
 * ids of what was created stay on this object for the next steps. Creates carry Idempotency-Keys derived from the
 * tenant's slug, so a retried request is answered once.
 */
final class BusinessDay {

    /** Prices and quantities of the day, chosen so that no amount is a rounding tie. */
    static final String SKU_A = "COLA-24";
    static final String SKU_B = "CHIPS-12";
    static final BigDecimal PRICE_A = new BigDecimal("40.00");
    static final BigDecimal PRICE_B = new BigDecimal("8.00");
    static final BigDecimal TAX_RATE = new BigDecimal("0.15");
    static final long QTY_A = 12;
    static final long QTY_B = 5;
    static final BigDecimal MANUAL_DISCOUNT = new BigDecimal("15");
    static final BigDecimal RULE_PERCENT_OFF = new BigDecimal("5");
    static final BigDecimal OPENING_FLOAT = new BigDecimal("100.00");
    static final BigDecimal SHORTAGE = new BigDecimal("5.00");
    static final long RETURNED_A = 2;
    static final String SHOP_NAME = "Mama Joyce's Spaza";
    static final String RULE_NAME = "Bulk: 5 % off above 10 units";

    /** The people of the day; usernames are fixed, passwords come from the caller. */
    static final Map<String, List<String>> PEOPLE = acmeUsers();

    private static Map<String, List<String>> acmeUsers() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        users.put("sipho.rep", List.of("sales_rep"));
        users.put("lerato.rep", List.of("sales_rep"));
        users.put("thandi.manager", List.of("manager"));
        users.put("pieter.finance", List.of("finance"));
        users.put("johan.supervisor", List.of("supervisor"));
        users.put("anele.auditor", List.of("auditor"));
        return users;
    }

    private final GatewayClient gateway;
    private final Credentials platformAdmin;
    final String acme;
    final String globex;
    private final UnaryOperator<String> passwords;
    final String van;

    // tokens
    String adminToken;
    String repToken;
    String managerToken;
    String financeToken;
    String supervisorToken;
    String auditorToken;
    String globexToken;

    // what the day created
    String customerId;
    String quotationId;
    String orderId;
    String approvalId;
    String sessionId;
    String depositId;
    String returnId;
    String creditNoteId;
    String nextSessionId;

    /**
     * @param acme      the slug of the tenant whose day it is
     * @param globex    the slug of the tenant that must see none of it
     * @param passwords the password of a user ("admin", "globex.admin" or a key of {@link #PEOPLE})
     */
    BusinessDay(GatewayClient gateway, Credentials platformAdmin, String acme, String globex,
            UnaryOperator<String> passwords) {
        this.gateway = gateway;
        this.platformAdmin = platformAdmin;
        this.acme = acme;
        this.globex = globex;
        this.passwords = passwords;
        this.van = "VAN-SIPHO";
    }

    Credentials acmeUser(String username) {
        return new Credentials(acme, username, passwords.apply(username));
    }

    Credentials globexAdmin() {
        return new Credentials(globex, "admin", passwords.apply("globex.admin"));
    }

    private String key(String what) {
        return acme + "-" + what;
    }

    // ---- 1. tenants and people

    record Tenants(Reply acme, List<Reply> users, Reply globex) {
    }

    Tenants createTenantsAndPeople() throws IOException, InterruptedException {
        String platform = gateway.login(platformAdmin);
        Reply acmeTenant = gateway.post("/api/v1/tenants", platform, Map.of("slug", acme, "name",
                "Acme Wholesale (" + acme + ")", "admin", Map.of("username", "admin", "password",
                        passwords.apply("admin"))), Map.of());
        adminToken = gateway.login(acmeUser("admin"));
        List<Reply> users = new java.util.ArrayList<>();
        for (Map.Entry<String, List<String>> u : PEOPLE.entrySet()) {
            users.add(gateway.post("/api/v1/users", adminToken, Map.of("username", u.getKey(), "password",
                    passwords.apply(u.getKey()), "roles", u.getValue()), Map.of()));
        }
        Reply globexTenant = gateway.post("/api/v1/tenants", platform, Map.of("slug", globex, "name",
                "Globex Corporation (" + globex + ")", "admin", Map.of("username", "admin", "password",
                        passwords.apply("globex.admin"))), Map.of());
        return new Tenants(acmeTenant, users, globexTenant);
    }

    /** Logs everyone in (after step 1, or when the tenants exist already). */
    void logIn() throws IOException, InterruptedException {
        adminToken = gateway.login(acmeUser("admin"));
        repToken = gateway.login(acmeUser("sipho.rep"));
        managerToken = gateway.login(acmeUser("thandi.manager"));
        financeToken = gateway.login(acmeUser("pieter.finance"));
        supervisorToken = gateway.login(acmeUser("johan.supervisor"));
        auditorToken = gateway.login(acmeUser("anele.auditor"));
        globexToken = gateway.login(globexAdmin());
    }

    // ---- 2. one shop, whichever way its phone is written

    record Shop(Reply first, Reply second) {
    }

    Shop findOrCreateShopTwice() throws IOException, InterruptedException {
        Reply first = findOrCreate("082 555 0100");
        Reply second = findOrCreate("+27825550100");
        customerId = first.text("id");
        return new Shop(first, second);
    }

    Reply findOrCreate(String phone) throws IOException, InterruptedException {
        return gateway.post("/api/v1/customers/find-or-create", repToken, Map.of("name", SHOP_NAME, "phone", phone,
                "address", Map.of("lines", List.of("12 Vilakazi Street"), "city", "Soweto", "postalCode", "1804",
                        "country", "ZA"), "tags", List.of("spaza")), Map.of());
    }

    // ---- 3. catalogue, van stock, a pricing rule, a quotation that needs a manager

    record Selling(List<Reply> products, List<Reply> stock, Reply rule, Reply quotation, Reply sent, Reply accepted,
            Reply pendingOrder, Reply decision, Reply confirmedOrder) {
    }

    Selling sell() throws IOException, InterruptedException {
        List<Reply> products = List.of(
                gateway.post("/api/v1/products", managerToken, product(SKU_A, "Cola 330 ml x24", PRICE_A),
                        idempotencyKey(key("product-a"))),
                gateway.post("/api/v1/products", managerToken, product(SKU_B, "Chips 125 g x12", PRICE_B),
                        idempotencyKey(key("product-b"))));
        List<Reply> stock = List.of(
                gateway.post("/api/v1/stock/adjustments", managerToken, Map.of("location", van, "sku", SKU_A,
                        "delta", 20, "reason", "van loaded"), idempotencyKey(key("load-a"))),
                gateway.post("/api/v1/stock/adjustments", managerToken, Map.of("location", van, "sku", SKU_B,
                        "delta", 20, "reason", "van loaded"), idempotencyKey(key("load-b"))));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", RULE_NAME);
        rule.put("priority", 10);
        rule.put("conditions", Map.of("minQuantity", 11));
        rule.put("action", "PERCENT_OFF");
        rule.put("value", RULE_PERCENT_OFF);
        rule.put("exclusive", false);
        rule.put("active", true);
        Reply ruleReply = gateway.post("/api/v1/pricing-rules", managerToken, rule, Map.of());

        Map<String, Object> quotation = new LinkedHashMap<>();
        quotation.put("customerId", customerId);
        quotation.put("location", van);
        quotation.put("paymentTerms", "COD");
        quotation.put("lines", List.of(Map.of("sku", SKU_A, "quantity", QTY_A, "discountPercent", MANUAL_DISCOUNT),
                Map.of("sku", SKU_B, "quantity", QTY_B)));
        Reply quoted = gateway.post("/api/v1/quotations", repToken, quotation, idempotencyKey(key("quotation")));
        quotationId = quoted.text("id");
        Reply sent = gateway.post("/api/v1/quotations/" + quotationId + "/send", repToken, Map.of(),
                ifMatch(quoted.body().path("version").asLong()));
        Reply accepted = gateway.post("/api/v1/quotations/" + quotationId + "/accept", repToken, Map.of(),
                ifMatch(sent.body().path("version").asLong()));
        orderId = accepted.text("orderId");
        Reply pending = order();
        approvalId = pendingApproval(pending.body());
        Reply decision = gateway.post("/api/v1/approvals/" + approvalId + "/decision", managerToken,
                Map.of("decision", "APPROVE", "comment", "good customer, big order"), Map.of());
        return new Selling(products, stock, ruleReply, quoted, sent, accepted, pending, decision, order());
    }

    private static Map<String, Object> product(String sku, String name, BigDecimal price) {
        return Map.of("sku", sku, "name", name, "unitPrice", price, "currency", "ZAR", "taxRate", TAX_RATE,
                "tags", List.of("fmcg"));
    }

    private static String pendingApproval(JsonNode order) {
        for (JsonNode a : order.path("approvals")) {
            if ("PENDING".equals(a.path("status").asText())) {
                return a.path("id").asText();
            }
        }
        return "";
    }

    Reply order() throws IOException, InterruptedException {
        return gateway.get("/api/v1/orders/" + orderId, repToken);
    }

    Reply stockLevel(String sku) throws IOException, InterruptedException {
        return gateway.get("/api/v1/stock?location=" + van + "&sku=" + sku, managerToken);
    }

    // ---- 4. delivered cash on delivery, the cash counted short, approved, deposited

    record Cash(Reply fulfilled, Reply delivered, Reply opened, Reply collected, Reply closed, Reply ownersView,
            Reply approved, Reply deposited, Reply confirmed) {
    }

    Reply fulfil() throws IOException, InterruptedException {
        return gateway.post("/api/v1/orders/" + orderId + "/fulfil", repToken, Map.of(),
                ifMatch(order().body().path("version").asLong()));
    }

    Reply deliver() throws IOException, InterruptedException {
        return gateway.post("/api/v1/orders/" + orderId + "/deliver", repToken,
                Map.of("receivedBy", "Joyce Mokoena"), ifMatch(order().body().path("version").asLong()));
    }

    Reply openSession(String idempotencyKey, BigDecimal openingFloat) throws IOException, InterruptedException {
        return gateway.post("/api/v1/cash-sessions", repToken, Map.of("openingFloat", openingFloat, "currency", "ZAR",
                "location", "Soweto route"), idempotencyKey(key(idempotencyKey)));
    }

    /** A cash collection for the order (or, without an order, a walk-in sale) in the given session. */
    Reply collect(String session, BigDecimal amount, String idempotencyKey, boolean forTheOrder)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("method", "CASH");
        if (forTheOrder) {
            body.put("orderId", orderId);
            body.put("customerId", customerId);
        }
        body.put("reference", "receipt " + idempotencyKey);
        return gateway.post("/api/v1/cash-sessions/" + session + "/collections", repToken, body,
                idempotencyKey(key(idempotencyKey)));
    }

    Reply closeSession(String session, BigDecimal counted) throws IOException, InterruptedException {
        return gateway.post("/api/v1/cash-sessions/" + session + "/close", repToken, Map.of("countedCash", counted),
                idempotencyKey(key("close-" + session)));
    }

    Reply session(String session, String token) throws IOException, InterruptedException {
        return gateway.get("/api/v1/cash-sessions/" + session, token);
    }

    /** Step 4 up to the open session and the order's collection; the caller may break things in between. */
    Cash deliverAndCollect() throws IOException, InterruptedException {
        Reply fulfilled = fulfil();
        Reply delivered = deliver();
        Reply opened = openSession("session-1", OPENING_FLOAT);
        sessionId = opened.text("id");
        Reply collected = collect(sessionId, delivered.money("amountDue"), "collection-order", true);
        return new Cash(fulfilled, delivered, opened, collected, null, null, null, null, null);
    }

    /** The rest of step 4: count short, the supervisor approves, finance deposits and confirms. */
    Cash closeApproveAndDeposit(Cash before, BigDecimal counted) throws IOException, InterruptedException {
        Reply closed = closeSession(sessionId, counted);
        Reply ownersView = session(sessionId, repToken);
        Reply approved = gateway.post("/api/v1/cash-sessions/" + sessionId + "/decision", supervisorToken,
                Map.of("decision", "APPROVE", "reasonCode", "COUNT_ERROR", "comment", "miscounted change"), Map.of());
        Reply deposited = gateway.post("/api/v1/deposits", financeToken, Map.of("sessionIds", List.of(sessionId),
                "bankAccount", "FNB 62001234567", "slipNumber", "SLIP-" + acme, "amount", counted,
                "depositedAt", Instant.now().toString()), idempotencyKey(key("deposit")));
        depositId = deposited.text("id");
        Reply confirmed = gateway.post("/api/v1/deposits/" + depositId + "/confirm", financeToken,
                Map.of("bankReference", "FNB-REF-" + acme, "confirmedAmount", counted), Map.of());
        return new Cash(before.fulfilled(), before.delivered(), before.opened(), before.collected(), closed,
                ownersView, approved, deposited, confirmed);
    }

    // ---- 6. a return, its credit note, a cash refund paid from the rep's next session

    record Refund(Reply returned, Reply received, Reply refunded, Reply nextSession) {
    }

    Refund returnAndRefund() throws IOException, InterruptedException {
        Reply returned = gateway.post("/api/v1/orders/" + orderId + "/returns", repToken, Map.of("lines",
                List.of(Map.of("sku", SKU_A, "quantity", RETURNED_A, "reason", "ordered too many"))),
                idempotencyKey(key("return")));
        returnId = returned.text("id");
        Reply received = gateway.post("/api/v1/returns/" + returnId + "/receive", repToken,
                Map.of("location", van, "condition", "RESALEABLE"), ifMatch(returned.body().path("version").asLong()));
        creditNoteId = received.body() == null ? "" : received.body().path("creditNote").path("id").asText();
        BigDecimal amount = received.body() == null ? BigDecimal.ZERO
                : received.body().path("creditNote").path("amount").decimalValue();
        Reply refunded = gateway.post("/api/v1/credit-notes/" + creditNoteId + "/refunds", repToken,
                Map.of("method", "CASH", "amount", amount), idempotencyKey(key("refund")));
        Reply next = openSession("session-2", new BigDecimal("50.00"));
        nextSessionId = next.text("id");
        return new Refund(returned, received, refunded, next);
    }

    // ---- 7. the auditor's view

    Reply customerTimeline() throws IOException, InterruptedException {
        return gateway.get("/api/v1/audit/entities/customer/" + customerId + "/timeline?limit=500", auditorToken);
    }

    Reply verifyChain() throws IOException, InterruptedException {
        return gateway.get("/api/v1/audit/verify", auditorToken);
    }

    Reply exportTrail() throws IOException, InterruptedException {
        return gateway.send("GET", "/api/v1/audit/export", auditorToken, null, Map.of("Accept", "application/x-ndjson"));
    }

    Reply auditEvents(String token, String query) throws IOException, InterruptedException {
        return gateway.get("/api/v1/audit/events?limit=200" + (query.isEmpty() ? "" : "&" + query), token);
    }

    static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- 8. the other tenant

    record OtherTenant(Reply customers, Reply orders, Reply sessions, Reply audit, Reply acmeCustomer,
            Reply acmeTimeline) {
    }

    OtherTenant asGlobex() throws IOException, InterruptedException {
        return new OtherTenant(gateway.get("/api/v1/customers", globexToken),
                gateway.get("/api/v1/orders", globexToken),
                gateway.get("/api/v1/cash-sessions", globexToken),
                auditEvents(globexToken, ""),
                gateway.get("/api/v1/customers/" + customerId, globexToken),
                gateway.get("/api/v1/audit/entities/customer/" + customerId + "/timeline", globexToken));
    }
}
