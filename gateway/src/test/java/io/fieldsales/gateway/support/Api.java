package io.fieldsales.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test client helpers. Each request comes from its own client IP (X-Forwarded-For, trusted from loopback in the
 * test profile) unless a test pins one, so per-IP limits only bite where a test means them to.
 */
public final class Api {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String PLATFORM_ADMIN_PASSWORD = "test-platform-admin-password";
    public static final String STRONG_PASSWORD = "Correct-Gateway-Staple-42";

    private Api() {
    }

    public static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static RequestSpecification anonymous() {
        return given().header("X-Forwarded-For", randomIp()).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String accessToken) {
        return anonymous().header("Authorization", "Bearer " + accessToken);
    }

    public static Map<String, Object> login(String tenant, String username, String password) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (tenant != null) {
            body.put("tenant", tenant);
        }
        body.put("username", username);
        body.put("password", password);
        return anonymous().body(body).post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath()
                .getMap("");
    }

    private static volatile String platformAdminToken;

    /** The bootstrapped platform admin's token (one login per test JVM: bcrypt costs a quarter second or more). */
    public static synchronized String platformAdminToken() {
        if (platformAdminToken == null) {
            platformAdminToken = (String) login(null, PLATFORM_ADMIN, PLATFORM_ADMIN_PASSWORD).get("accessToken");
        }
        return platformAdminToken;
    }

    /** A fresh tenant (slug, id) with an admin "admin" whose password is {@link #STRONG_PASSWORD}. */
    public static Tenant newTenant() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
        Map<String, Object> created = as(platformAdminToken())
                .body(Map.of("slug", slug, "name", "Tenant " + slug,
                        "admin", Map.of("username", "admin", "password", STRONG_PASSWORD)))
                .post("/api/v1/tenants").then().statusCode(201).extract().jsonPath().getMap("");
        return new Tenant(slug, UUID.fromString((String) created.get("id")));
    }

    public record Tenant(String slug, UUID id) {

        public String adminToken() {
            return (String) Api.login(slug, "admin", STRONG_PASSWORD).get("accessToken");
        }

        /** Creates a user with the given roles and returns its id. */
        public UUID createUser(String adminToken, String username, String... roles) {
            String id = as(adminToken).body(Map.of("username", username, "password", STRONG_PASSWORD,
                            "roles", java.util.List.of(roles)))
                    .post("/api/v1/users").then().statusCode(201).extract().path("id");
            return UUID.fromString(id);
        }

        public Map<String, Object> login(String username) {
            return Api.login(slug, username, STRONG_PASSWORD);
        }
    }
}
