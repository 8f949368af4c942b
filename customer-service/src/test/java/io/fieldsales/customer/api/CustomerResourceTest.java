package io.fieldsales.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fieldsales.customer.TenantFixture;
import io.fieldsales.platform.testing.QueryPlans;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerResourceTest {

    private final TenantFixture t = new TenantFixture();

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void createAnswers201WithLocationETagAndCanonicalContacts() {
        Response r = t.asRep().body("{\"name\":\" Spaza Shop \",\"email\":\" Owner@Shop.Example \","
                        + "\"phone\":\"082 123 4567\",\"externalRef\":\"ERP-1\",\"tags\":[\"VIP\"],"
                        + "\"address\":{\"lines\":[\"1 Main Rd\"],\"city\":\"Soweto\",\"postalCode\":\"1804\",\"country\":\"za\"}}")
                .post("/api/v1/customers");
        r.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Spaza Shop"))
                .body("emailCanonical", equalTo("owner@shop.example"))
                .body("phoneE164", equalTo("+27821234567"))
                .body("status", equalTo("ACTIVE"))
                .body("tags", hasItem("vip"))
                .body("address.country", equalTo("ZA"))
                .body("createdBy", equalTo("sales_rep-user"));
        String id = r.path("id");
        assertThat(r.header("Location")).endsWith("/api/v1/customers/" + id);

        t.asRep().get("/api/v1/customers/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("address.lines[0]", equalTo("1 Main Rd"));
    }

    @Test
    void sameEmailInAnotherCaseIsA409WithTheExistingCustomer() {
        String id = t.create("Shop A", t.email("dup"), null);
        t.createResponse("Shop B", t.email("dup").toUpperCase(), null).statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("duplicate_contact"))
                .body("existingCustomerId", equalTo(id));
    }

    @Test
    void invalidFieldsAre400WithEveryFieldListed() {
        t.asRep().body("{\"name\":\"\",\"email\":\"not-an-email\",\"phone\":\"12\"}").post("/api/v1/customers")
                .then().statusCode(400)
                .body("code", equalTo("validation_failed"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "email", "phone"));
        t.asRep().body("{\"name\":\"No contact\"}").post("/api/v1/customers")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "phone"));
        t.asRep().body("{\"name\":\"Bad\\u0000Name\",\"phone\":\"082 123 4567\"}").post("/api/v1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain control characters"));
    }

    @Test
    void anotherTenantsCustomerIs404() {
        String id = t.create("Mine", t.email("mine"), null);
        TenantFixture other = new TenantFixture();
        other.asRep().get("/api/v1/customers/" + id).then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void getOfAnUnknownIdIs404AndOfAMalformedIdToo() {
        t.asRep().get("/api/v1/customers/" + java.util.UUID.randomUUID()).then().statusCode(404);
        t.asRep().get("/api/v1/customers/not-a-uuid").then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void findOrCreateReturnsTheExistingCustomerWith200OrANewOneWith201() {
        String body = TenantFixture.json("Corner Cafe", t.email("cafe"), null);
        String id = t.asRep().body(body).post("/api/v1/customers/find-or-create").then().statusCode(201)
                .extract().path("id");
        t.asRep().body(TenantFixture.json("Corner Cafe (typo)", t.email("cafe").toUpperCase(), null))
                .post("/api/v1/customers/find-or-create").then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("Corner Cafe")).header("ETag", notNullValue())
                .body("possibleDuplicates", nullValue());
    }

    @Test
    void phonesWithoutCountryCodeAreReadInTheTenantsRegion() {
        // this tenant is configured with region KE (application.properties, test profile)
        java.util.UUID kenyan = java.util.UUID.fromString("0c6f6f3e-4b1d-4c55-9b7a-6b0a1f6a5e01");
        String token = io.fieldsales.platform.testing.TestTokens.forTenant(kenyan).roles("sales_rep").mint();
        io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                .body(TenantFixture.json("Nairobi Duka", null, "0712 345678"))
                .post("/api/v1/customers/find-or-create").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .body("phoneE164", equalTo("+254712345678"));
        t.asRep().body(TenantFixture.json("Joburg Spaza", null, "0712 345678")).post("/api/v1/customers").then()
                .statusCode(201).body("phoneE164", equalTo("+27712345678"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReplaysTheFirstAnswer() {
        String body = TenantFixture.json("Flaky Network Shop", t.email("idem"), null);
        Response first = t.asRep().header("Idempotency-Key", "k-1").body(body).post("/api/v1/customers");
        first.then().statusCode(201);
        t.asRep().header("Idempotency-Key", "k-1").body(body).post("/api/v1/customers").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        t.asRep().header("Idempotency-Key", "k-1").body(TenantFixture.json("Other", t.email("idem2"), null))
                .post("/api/v1/customers").then().statusCode(422).body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void repeatedCreatesAndContactConflictsAddNoQueryPlans() {
        // Hibernate ORM 7.2 cached a new plan for every native select it ran (the name probe on each create, the
        // owner lookup on each conflict): the create path's statements go through SessionSql instead.
        t.create("Plan Warm-up", t.email("plan-warm-up"), null);
        t.createResponse("Plan Warm-up Again", t.email("plan-warm-up"), null).statusCode(409);
        int before = QueryPlans.cached(sessions);
        for (int i = 0; i < 30; i++) {
            t.create("Plan Shop " + i, t.email("plan-" + i), null);
            t.createResponse("Plan Other " + i, t.email("plan-" + i), null).statusCode(409);
        }
        assertThat(QueryPlans.cached(sessions) - before).as("query plans added by 60 requests").isLessThan(5);
    }
}
