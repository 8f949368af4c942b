package io.fieldsales.customer;

import static io.restassured.RestAssured.given;

import io.fieldsales.platform.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/**
 * A fresh tenant per test (the database is shared and never cleaned) with tokens for its roles, and shortcuts for
 * the requests most tests make.
 */
public final class TenantFixture {

    public final UUID tenant = UUID.randomUUID();
    private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** A token of a user of this tenant having exactly the given role. */
    public String token(String role) {
        return tokens.computeIfAbsent(role, r -> TestTokens.forTenant(tenant).user(r + "-user").roles(r).mint());
    }

    public RequestSpecification as(String role) {
        return given().auth().oauth2(token(role)).contentType("application/json");
    }

    public RequestSpecification asRep() {
        return as("sales_rep");
    }

    public RequestSpecification asAdmin() {
        return as("admin");
    }

    public RequestSpecification asManager() {
        return as("manager");
    }

    /** Creates a customer (201) and returns its id. */
    public String create(String name, String email, String phone) {
        return createResponse(name, email, phone).statusCode(201).extract().path("id");
    }

    public ValidatableResponse createResponse(String name, String email, String phone) {
        return asRep().body(json(name, email, phone)).post("/api/v1/customers").then();
    }

    public static String json(String name, String email, String phone) {
        StringBuilder b = new StringBuilder("{\"name\":").append(quote(name));
        if (email != null) {
            b.append(",\"email\":").append(quote(email));
        }
        if (phone != null) {
            b.append(",\"phone\":").append(quote(phone));
        }
        return b.append('}').toString();
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A unique email for this tenant and label. */
    public String email(String label) {
        return label + "-" + tenant.toString().substring(0, 8) + "@shop.example";
    }
}
