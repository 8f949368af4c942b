package io.fieldsales.order;

import static io.restassured.RestAssured.given;

import io.fieldsales.platform.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh tenant per test (the database is shared and never cleaned), tokens for its roles, and shortcuts for the
 * requests most tests make.
 */
public final class TenantFixture {

    public final UUID tenant = UUID.randomUUID();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** A token of a user of this tenant having exactly the given role (user id: role + "-user"). */
    public String token(String role) {
        return tokens.computeIfAbsent(role, r -> TestTokens.forTenant(tenant).user(r + "-user").roles(r).mint());
    }

    /** A token for a named person with a role (approvals need different people). */
    public String token(String user, String... roles) {
        return tokens.computeIfAbsent(user + ":" + String.join(",", roles),
                k -> TestTokens.forTenant(tenant).user(user).roles(roles).mint());
    }

    public RequestSpecification as(String role) {
        return given().auth().oauth2(token(role)).contentType("application/json");
    }

    public RequestSpecification asUser(String user, String... roles) {
        return given().auth().oauth2(token(user, roles)).contentType("application/json");
    }

    public RequestSpecification asRep() {
        return as("sales_rep");
    }

    public RequestSpecification asAdmin() {
        return as("admin");
    }

    /** An ACTIVE customer in the projection (as if customer.events had told us). */
    public UUID customer() {
        UUID id = UUID.randomUUID();
        Db.execute("insert into customer_projection (tenant_id, customer_id, status, name, tags)"
                + " values (?, ?, 'ACTIVE', 'Shop', '{gold}')", tenant, id);
        return id;
    }

    /** Creates a product (201) and returns its id. */
    public String product(String sku, String price) {
        return product(sku, price, "0.15");
    }

    public String product(String sku, String price, String taxRate) {
        return asAdmin().body("{\"sku\":\"" + sku + "\",\"name\":\"Product " + sku + "\",\"unitPrice\":" + price
                        + ",\"currency\":\"ZAR\",\"taxRate\":" + taxRate + ",\"tags\":[\"drinks\"]}")
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    /** Adds stock at a location (201). */
    public void stock(String location, String sku, long quantity) {
        asAdmin().body("{\"location\":\"" + location + "\",\"sku\":\"" + sku + "\",\"delta\":" + quantity
                + ",\"reason\":\"delivery in\"}").post("/api/v1/stock/adjustments").then().statusCode(201);
    }

    public static String line(String sku, long quantity) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    }

    public static String line(String sku, long quantity, String discount) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"discountPercent\":" + discount + "}";
    }

    public static String orderBody(UUID customer, String location, String... lines) {
        return "{\"customerId\":\"" + customer + "\",\"location\":\"" + location + "\",\"lines\":["
                + String.join(",", lines) + "]}";
    }

    public ValidatableResponse createOrder(UUID customer, String location, String... lines) {
        return asRep().body(orderBody(customer, location, lines)).post("/api/v1/orders").then();
    }

    /** Creates an order (201) and returns its id. */
    public String order(UUID customer, String location, String... lines) {
        return createOrder(customer, location, lines).statusCode(201).extract().path("id");
    }

    public long version(String orderId) {
        return ((Number) asRep().get("/api/v1/orders/" + orderId).then().statusCode(200).extract().path("version"))
                .longValue();
    }

    /** POST a transition with the current version as If-Match. */
    public ValidatableResponse transition(String orderId, String action, String body) {
        return asRep().header("If-Match", "\"" + version(orderId) + "\"").body(body == null ? "{}" : body)
                .post("/api/v1/orders/" + orderId + "/" + action).then();
    }

    public long onHand(String location, String sku) {
        return Db.count("select on_hand from stock where tenant_id = ? and location = ? and sku = ?", tenant, location,
                sku);
    }

    public long reserved(String location, String sku) {
        return Db.count("select reserved from stock where tenant_id = ? and location = ? and sku = ?", tenant,
                location, sku);
    }
}
