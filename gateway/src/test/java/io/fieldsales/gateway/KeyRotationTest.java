package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.FakeUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyRotationTest {

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void afterRotationNewTokensUseTheNewKeyAndOldTokensStayValidUntilExpiry() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String before = tenant.adminToken();
        String oldKid = kid(before);

        String newKid = as(Api.platformAdminToken()).post("/api/v1/signing-keys/rotate").then().statusCode(200)
                .extract().path("kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        List<String> published = RestAssured.get("/.well-known/jwks.json").then().statusCode(200)
                .contentType("application/jwk-set+json").extract().path("keys.kid");
        assertThat(published).contains(oldKid, newKid);
        assertThat(RestAssured.get("/.well-known/jwks.json").asString()).doesNotContain("\"d\"");

        String after = tenant.adminToken();
        assertThat(kid(after)).isEqualTo(newKid);
        try (FakeUpstream customers = FakeUpstream.start("customer")) {
            as(before).get("/api/v1/customers").then().statusCode(200);
            as(after).get("/api/v1/customers").then().statusCode(200);
        }
        as(before).get("/api/v1/auth/me").then().statusCode(200);
        as(Api.platformAdminToken()).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void theKeySetIsServedToEveryAcceptCommonJwksClientsSend() {
        for (String accept : List.of("application/json", "application/jwk-set+json", "*/*",
                "application/json, text/plain, */*")) {
            List<String> kids = RestAssured.given().accept(accept).get("/.well-known/jwks.json").then()
                    .statusCode(200).extract().path("keys.kid");
            assertThat(kids).as("Accept: " + accept).isNotEmpty();
        }
        RestAssured.given().accept("application/json").get("/.well-known/jwks.json").then()
                .contentType("application/json");
    }

    @Test
    void accessTokensDeclareTheirTypeAsRfc9068Asks() {
        String token = Api.newTenant().adminToken();
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"typ\":\"at+jwt\"");
    }

    @Test
    void onlyAPlatformAdminRotatesKeys() {
        Api.Tenant tenant = Api.newTenant();
        as(tenant.adminToken()).post("/api/v1/signing-keys/rotate").then().statusCode(403);
    }
}
