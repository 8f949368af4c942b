package io.fieldsales.cash;

import static io.restassured.RestAssured.given;

import io.fieldsales.platform.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh tenant per test (the database is shared and never cleaned) with users and their tokens, and shortcuts
 * for the requests most tests make. Users are named after their role ({@code sales_rep-user}) unless a test asks
 * for another person ({@link #user}).
 */
public final class TenantFixture {

    public final UUID tenant = UUID.randomUUID();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** The id of the default user of a role (the JWT subject). */
    public String userOf(String role) {
        return role + "-user-" + tenant.toString().substring(0, 8);
    }

    public String token(String role) {
        return token(userOf(role), role);
    }

    public String token(String user, String... roles) {
        return tokens.computeIfAbsent(user + "|" + String.join(",", roles),
                k -> TestTokens.forTenant(tenant).user(user).roles(roles).mint());
    }

    public RequestSpecification as(String role) {
        return given().auth().oauth2(token(role)).contentType("application/json");
    }

    /** Another person with these roles. */
    public RequestSpecification user(String user, String... roles) {
        return given().auth().oauth2(token(user, roles)).contentType("application/json");
    }

    public RequestSpecification asRep() {
        return as("sales_rep");
    }

    /** Opens a session for the default rep (201) and returns its id. */
    public String open(String openingFloat) {
        return open(asRep(), openingFloat);
    }

    public static String open(RequestSpecification who, String openingFloat) {
        return who.body("{\"openingFloat\":" + openingFloat + ",\"currency\":\"ZAR\",\"location\":\"Depot North\"}")
                .post("/api/v1/cash-sessions").then().statusCode(201).extract().path("id");
    }

    public ValidatableResponse collect(String session, String amount, String method) {
        return collect(asRep(), session, amount, method, null);
    }

    public static ValidatableResponse collect(RequestSpecification who, String session, String amount, String method,
            String orderId) {
        return who.body("{\"amount\":" + amount + ",\"method\":\"" + method + "\""
                        + (orderId == null ? "" : ",\"orderId\":\"" + orderId + "\"") + "}")
                .post("/api/v1/cash-sessions/" + session + "/collections").then();
    }

    public ValidatableResponse payout(String session, String amount, String reason) {
        return asRep().body("{\"amount\":" + amount + ",\"reason\":\"" + reason + "\"}")
                .post("/api/v1/cash-sessions/" + session + "/payouts").then();
    }

    public ValidatableResponse close(String session, String counted) {
        return close(asRep(), session, counted);
    }

    public static ValidatableResponse close(RequestSpecification who, String session, String counted) {
        return who.body("{\"countedCash\":" + counted + "}").post("/api/v1/cash-sessions/" + session + "/close").then();
    }

    public ValidatableResponse decide(RequestSpecification who, String session, String decision, String reasonCode) {
        return who.body("{\"decision\":\"" + decision + "\",\"comment\":\"checked\""
                        + (reasonCode == null ? "" : ",\"reasonCode\":\"" + reasonCode + "\"") + "}")
                .post("/api/v1/cash-sessions/" + session + "/decision").then();
    }

    /** Opens, collects cash and closes with an exact count: a CLOSED session holding {@code counted}. */
    public String closedSession(RequestSpecification who, String counted) {
        String id = open(who, "0");
        collect(who, id, counted, "CASH", null).statusCode(201);
        close(who, id, counted).statusCode(200);
        return id;
    }
}
