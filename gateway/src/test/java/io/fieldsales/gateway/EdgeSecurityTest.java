package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.gateway.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EdgeSecurityTest {

    private static void assertSecurityHeaders(Response r, String what) {
        assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(r.header("Content-Security-Policy")).as(what).contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(r.header("Server")).as(what + ": no server banner").isNull();
        assertThat(r.header("X-Request-Id")).as(what).isNotBlank();
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoServerBanner() {
        String token = Api.newTenant().adminToken();
        List<Response> responses = List.of(
                anonymous().get("/api/v1/auth/me"),
                Api.as(token).get("/api/v1/auth/me"),
                anonymous().get("/.well-known/jwks.json"),
                anonymous().get("/no/such/route"),
                anonymous().get("/q/health/live"),
                Api.as(token).get("/api/v1/orders"),
                anonymous().body("{not json").post("/api/v1/auth/login"));
        for (Response r : responses) {
            assertSecurityHeaders(r, "status " + r.statusCode());
        }
        assertThat(Api.as(token).get("/api/v1/auth/me").header("Cache-Control")).isEqualTo("no-store");
        assertThat(Api.as(token).get("/api/v1/auth/me").header("Strict-Transport-Security")).isNull();
    }

    @Test
    void hstsIsSentWhenTheClientCameOverTls() {
        anonymous().header("X-Forwarded-Proto", "https").get("/api/v1/auth/me").then()
                .header("Strict-Transport-Security", org.hamcrest.Matchers.startsWith("max-age="));
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        Response allowed = RestAssured.given().header("Origin", "https://app.example.test")
                .header("Access-Control-Request-Method", "POST").options("/api/v1/auth/login");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.test");
        Response refused = RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").options("/api/v1/auth/login");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void oversizedUrisHeadersAndOwnBodiesAreRefused() {
        assertThat(anonymous().get("/api/v1/auth/me?q=" + "a".repeat(5000)).statusCode()).isEqualTo(414);
        int headerStatus = anonymous().header("X-Big", "b".repeat(20_000)).get("/api/v1/auth/me").statusCode();
        assertThat(headerStatus).isIn(431, 400);
        anonymous().body("{\"username\":\"" + "u".repeat(70_000) + "\",\"password\":\"x\"}")
                .post("/api/v1/auth/login").then().statusCode(413).body("code", equalTo("payload_too_large"));
    }
}
