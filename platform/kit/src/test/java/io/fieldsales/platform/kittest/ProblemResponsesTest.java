package io.fieldsales.platform.kittest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemResponsesTest {

    private final UUID tenant = UUID.randomUUID();
    private final String writer = TestTokens.forTenant(tenant).roles("writer").mint();

    private static ValidatableResponse assertProblem(ValidatableResponse r, int status, String code) {
        String body = r.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo("urn:fieldsales:problem:" + code))
                .body("title", notNullValue())
                .body("requestId", notNullValue())
                .extract().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("hunter2");
        return r;
    }

    @Test
    void invalidFieldsAreA400ListingEachField() {
        assertProblem(given().auth().oauth2(writer).contentType("application/json")
                .body("{\"name\":\"\",\"colour\":\"far-too-long\"}")
                .post("/api/v1/widgets").then(), 400, "validation_failed")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("colour"))
                .body("instance", equalTo("/api/v1/widgets"));
    }

    @Test
    void invalidQueryParameterIsAValidationProblemNamingIt() {
        assertProblem(given().auth().oauth2(writer).get("/api/v1/widgets/search?limit=500").then(), 400,
                "validation_failed").body("errors[0].field", equalTo("limit"));
    }

    @Test
    void malformedJsonIsA400WithoutEchoingTheBody() {
        assertProblem(given().auth().oauth2(writer).contentType("application/json")
                .body("{\"name\": \"abc\", oops").post("/api/v1/widgets").then(), 400, "malformed_json");
        assertProblem(given().auth().oauth2(writer).contentType("application/json")
                .body("[1,2,3]").post("/api/v1/widgets").then(), 400, "malformed_json");
    }

    @Test
    void malformedJsonProblemsSayWhereInOurWordsNeverTheLibrarys() {
        String syntax = assertProblem(given().auth().oauth2(writer).contentType("application/json")
                .body("{\n\"name\": \"abc\",\n oops").post("/api/v1/widgets").then(), 400, "malformed_json")
                .body("detail", containsString("line 3")).extract().asString();
        String wrongType = assertProblem(given().auth().oauth2(writer).contentType("application/json")
                .body("{\"name\": {\"nested\": true}}").post("/api/v1/widgets").then(), 400, "malformed_json")
                .body("errors[0].field", equalTo("name")).extract().asString();
        String topLevel = assertProblem(given().auth().oauth2(writer).contentType("application/json")
                .body("[1,2,3]").post("/api/v1/widgets").then(), 400, "malformed_json").extract().asString();
        for (String body : new String[] {syntax, wrongType, topLevel}) {
            assertThat(body).doesNotContain("java.").doesNotContain("com.fasterxml").doesNotContain("Cannot ")
                    .doesNotContain("`").doesNotContain("WidgetRequest").doesNotContain("START_")
                    .doesNotContain("Unexpected character");
        }
    }

    @Test
    void unknownRouteIsA404Problem() {
        assertProblem(given().auth().oauth2(writer).get("/api/v1/nothing-here").then(), 404, "not_found");
        assertProblem(given().get("/no/such/page").then(), 404, "not_found");
    }

    @Test
    void invalidUuidInPathIsA404NotA500() {
        assertProblem(given().auth().oauth2(writer).get("/api/v1/widgets/not-a-uuid").then(), 404, "not_found");
    }

    @Test
    void wrongMethodIsA405Problem() {
        assertProblem(given().auth().oauth2(writer).delete("/api/v1/widgets/" + UUID.randomUUID()).then(), 405,
                "method_not_allowed");
    }

    @Test
    void missingExpiredOrForeignTokensAre401() {
        assertProblem(given().get("/api/v1/widgets/" + UUID.randomUUID()).then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer");
        String expired = TestTokens.forTenant(tenant).roles("writer")
                .issuedAt(Instant.now().minus(Duration.ofMinutes(20))).lifetime(Duration.ofMinutes(15)).mint();
        assertProblem(given().auth().oauth2(expired).get("/api/v1/widgets/" + UUID.randomUUID()).then(), 401,
                "unauthorized");
        String wrongAudience = TestTokens.forTenant(tenant).roles("writer").audience("someone-else").mint();
        assertProblem(given().auth().oauth2(wrongAudience).get("/api/v1/widgets/" + UUID.randomUUID()).then(), 401,
                "unauthorized");
        String wrongIssuer = TestTokens.forTenant(tenant).roles("writer").issuer("evil").mint();
        assertProblem(given().auth().oauth2(wrongIssuer).get("/api/v1/widgets/" + UUID.randomUUID()).then(), 401,
                "unauthorized");
        assertProblem(given().auth().oauth2("not.a.jwt").get("/api/v1/widgets/" + UUID.randomUUID()).then(), 401,
                "unauthorized");
    }

    @Test
    void anEndpointWithoutAnAccessRuleIsClosedEvenToAValidToken() {
        assertProblem(given().get("/api/v1/forgotten").then(), 401, "unauthorized");
        String token = TestTokens.forTenant(tenant).roles("writer", "admin").mint();
        given().auth().oauth2(token).get("/api/v1/forgotten").then().statusCode(403);
    }

    @Test
    void onlyAccessTokensTypAtJwtAreAccepted() {
        for (String type : new String[] {"JWT", "id_token+jwt", "jwt"}) {
            String notAnAccessToken = TestTokens.forTenant(tenant).roles("writer").type(type).mint();
            assertProblem(given().auth().oauth2(notAnAccessToken).get("/api/v1/widgets/tenant").then(), 401,
                    "unauthorized");
        }
        String mediaType = TestTokens.forTenant(tenant).roles("writer").type("application/at+jwt").mint();
        given().auth().oauth2(mediaType).get("/api/v1/widgets/tenant").then().statusCode(200);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("writer").mint()).get("/api/v1/widgets/tenant")
                .then().statusCode(200);
    }

    @Test
    void tokenExpiredWithinTheGraceIsAcceptedBeyondItIsNot() {
        String justExpired = TestTokens.forTenant(tenant).roles("writer")
                .issuedAt(Instant.now().minus(Duration.ofSeconds(70))).lifetime(Duration.ofSeconds(60)).mint();
        given().auth().oauth2(justExpired).get("/api/v1/widgets/tenant").then().statusCode(200);
        String expiredBeyondGrace = TestTokens.forTenant(tenant).roles("writer")
                .issuedAt(Instant.now().minus(Duration.ofSeconds(100))).lifetime(Duration.ofSeconds(60)).mint();
        assertProblem(given().auth().oauth2(expiredBeyondGrace).get("/api/v1/widgets/tenant").then(), 401,
                "unauthorized");
    }

    @Test
    void missingRoleIs403() {
        assertProblem(given().auth().oauth2(writer).get("/api/v1/widgets/admin-only").then(), 403, "forbidden");
    }

    @Test
    void tokenWithoutTenantIs403OnTenantScopedEndpoints() {
        String platformAdmin = TestTokens.withoutTenant().roles("platform_admin").mint();
        assertProblem(given().auth().oauth2(platformAdmin).get("/api/v1/widgets/tenant").then(), 403,
                "tenant_required");
    }

    @Test
    void staleVersionIs412VersionConflict() {
        String id = given().auth().oauth2(writer).contentType("application/json").body("{\"name\":\"v\"}")
                .post("/api/v1/widgets").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer).contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"name\":\"v2\"}").put("/api/v1/widgets/" + id).then().statusCode(200);
        assertProblem(given().auth().oauth2(writer).contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"name\":\"v3\"}").put("/api/v1/widgets/" + id).then(), 412, "version_conflict");
        assertProblem(given().auth().oauth2(writer).contentType("application/json")
                .body("{\"name\":\"v3\"}").put("/api/v1/widgets/" + id).then(), 428, "precondition_required");
    }

    @Test
    void unexpectedFailureIsA500WithNoInternals() {
        assertProblem(given().auth().oauth2(writer).get("/api/v1/widgets/boom").then(), 500, "internal_error");
    }

    @Test
    void aGuardThatTimesOutIsA503WithRetryAfter() {
        assertProblem(given().auth().oauth2(writer).get("/api/v1/widgets/scan").then(), 503, "service_unavailable")
                .header("Retry-After", "1");
    }

    @Test
    void aTransientDatabaseFailureThatOutlastsTheRetriesIsA503WithRetryAfter() {
        assertProblem(given().auth().oauth2(writer).get("/api/v1/widgets/deadlocked").then(), 503,
                "service_unavailable").header("Retry-After", "1");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertProblem(given().auth().oauth2(writer).contentType("application/json").body(big)
                .post("/api/v1/widgets").then(), 413, "payload_too_large");
    }

    @Test
    void wellFormedRequestIdIsEchoedAndUsedMalformedOneIsReplaced() {
        given().auth().oauth2(writer).header("X-Request-Id", "abc-123.x:y").get("/api/v1/widgets/boom")
                .then().header("X-Request-Id", "abc-123.x:y").body("requestId", equalTo("abc-123.x:y"));
        String replaced = given().auth().oauth2(writer).header("X-Request-Id", "bad id with spaces <script>")
                .get("/api/v1/widgets/boom").then().extract().header("X-Request-Id");
        assertThat(replaced).isNotBlank().doesNotContain(" ");
        String tooLong = "a".repeat(65);
        assertThat(given().header("X-Request-Id", tooLong).get("/no/such/page").then().extract()
                .header("X-Request-Id")).isNotEqualTo(tooLong);
    }
}
