package io.fieldsales.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.fieldsales.customer.TenantFixture;
import io.fieldsales.platform.testing.ChunkedUpload;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Malformed, oversized and hostile input gets a problem answer, never a 500 or a stack trace. */
@QuarkusTest
class CustomerBadInputTest {

    private final TenantFixture t = new TenantFixture();

    @Test
    void malformedJsonIs400() {
        t.asRep().body("{\"name\": \"x\", ").post("/api/v1/customers").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("malformed_json"));
        t.asRep().body("[1,2,3]").post("/api/v1/customers").then().statusCode(400);
        t.asRep().body("").post("/api/v1/customers").then().statusCode(400);
        String id = t.create("Patch me", t.email("mal"), null);
        t.asRep().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{oops")
                .patch("/api/v1/customers/" + id).then().statusCode(400).body("code", equalTo("malformed_json"));
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        String huge = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\",\"email\":\"a@b.example\"}";
        t.asRep().body(huge).post("/api/v1/customers").then().statusCode(413)
                .body("code", equalTo("payload_too_large"));
        t.asRep().body(huge).post("/api/v1/customers/find-or-create").then().statusCode(413);
    }

    @Test
    void aChunkedThreeMegabyteCustomerIs413AsSoonAsTheFirstMebibytePassesWithoutReadingTheRest() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + t.token("sales_rep"),
                "Content-Type", "application/json");
        // the last chunk is never sent: a server that waits for the whole body before checking never answers
        ChunkedUpload.Result stalled = ChunkedUpload.send(port, "POST", "/api/v1/customers", headers,
                3L * 1024 * 1024, false, Duration.ofSeconds(10));
        assertThat(stalled.status()).as(String.valueOf(stalled.response())).isEqualTo(413);
        assertThat(stalled.response()).contains("payload_too_large");
        ChunkedUpload.Result whole = ChunkedUpload.send(port, "POST", "/api/v1/customers/find-or-create", headers,
                3L * 1024 * 1024, true, Duration.ofSeconds(10));
        assertThat(whole.status()).as(String.valueOf(whole.response())).isEqualTo(413);
    }

    @Test
    void sqlLookingStringsAreStoredVerbatimAndHarmless() {
        String name = "Robert'); DROP TABLE customer; -- \" OR 1=1";
        String id = t.asRep().body("{\"name\":" + TenantFixture.quote(name) + ",\"email\":\"" + t.email("sql")
                        + "\",\"externalRef\":\"1' OR '1'='1\",\"tags\":[\"'; delete from unique_contacts;--\"]}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        t.asRep().get("/api/v1/customers/" + id).then().statusCode(200).body("name", equalTo(name))
                .body("externalRef", equalTo("1' OR '1'='1"));
        t.asRep().queryParam("q", "'; DROP TABLE customer; --").get("/api/v1/customers").then().statusCode(200);
        t.asRep().queryParam("q", "Robert');").get("/api/v1/customers").then().statusCode(200)
                .body("items[0].id", equalTo(id));
        t.asRep().queryParam("tag", "'; delete from unique_contacts;--").get("/api/v1/customers").then()
                .statusCode(200).body("items[0].id", equalTo(id));
    }

    @Test
    void invalidUuidsInPathsAndBodiesAreNot500() {
        t.asRep().get("/api/v1/customers/12345").then().statusCode(404);
        t.asRep().get("/api/v1/customers/' OR 1=1 --/duplicates").then().statusCode(404);
        t.asRep().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{}")
                .patch("/api/v1/customers/zzz").then().statusCode(404);
        t.asManager().body("{\"sourceIds\":[\"not-a-uuid\"]}")
                .post("/api/v1/customers/" + java.util.UUID.randomUUID() + "/merge").then().statusCode(400)
                .body("code", equalTo("malformed_json"));
        t.asRep().body("{\"customerId\":42}")
                .post("/api/v1/customers/" + java.util.UUID.randomUUID() + "/not-duplicates").then()
                .statusCode(not(equalTo(500)));
        t.asRep().header("If-Match", "\"abc\"").contentType("application/merge-patch+json").body("{}")
                .patch("/api/v1/customers/" + t.create("Etag", t.email("etag"), null)).then().statusCode(412);
    }

    @Test
    void wrongFieldTypesAreValidationErrorsWithoutInternals() {
        t.asRep().body("{\"name\":{\"nested\":true},\"email\":\"a@b.example\"}").post("/api/v1/customers").then()
                .statusCode(400).body(not(containsString("Exception")));
        t.asRep().body("{\"name\":\"x\",\"email\":\"a@b.example\",\"tags\":\"notalist\"}").post("/api/v1/customers")
                .then().statusCode(400);
    }
}
