package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fieldsales.gateway.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import io.fieldsales.platform.testing.ChunkedUpload;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
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

    @Test
    void chunkedLoginBodiesPast64KibAre413AsSoonAsTheLimitPassesNotAfterTheWholeBody() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Forwarded-For", Api.randomIp());
        // 200 KB of a body that never ends: under the server-wide limit, over the login's 64 KiB
        ChunkedUpload.Result stalled = ChunkedUpload.send(port, "POST", "/api/v1/auth/login", headers, 200_000,
                false, Duration.ofSeconds(5));
        assertThat(stalled.status()).as(String.valueOf(stalled.response())).isEqualTo(413);
        assertThat(stalled.response()).contains("payload_too_large");
        // 19 MB chunked: the answer comes before the client could send it all, and the connection is closed
        ChunkedUpload.Result flood = ChunkedUpload.send(port, "POST", "/api/v1/auth/login", headers,
                19L * 1024 * 1024, true, Duration.ofSeconds(10));
        assertThat(flood.status()).as(String.valueOf(flood.response())).isEqualTo(413);
        assertThat(flood.finishedSending()).isFalse();
        assertThat(flood.bytesSent()).isLessThan(19L * 1024 * 1024);
        System.out.printf("BENCHMARK chunked 19 MB login refused after %d ms, %d bytes sent%n",
                flood.elapsed().toMillis(), flood.bytesSent());
    }
}
