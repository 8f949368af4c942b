package io.fieldsales.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fieldsales.customer.Db;
import io.fieldsales.customer.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PATCH with If-Match, soft delete and restore, and keyset-paginated lists. */
@QuarkusTest
class CustomerLifecycleTest {

    private final TenantFixture t = new TenantFixture();

    private Response patch(String id, String ifMatch, String body) {
        var r = t.asRep().contentType("application/merge-patch+json");
        if (ifMatch != null) {
            r = r.header("If-Match", ifMatch);
        }
        return r.body(body).patch("/api/v1/customers/" + id).andReturn();
    }

    @Test
    void patchWithoutIfMatchIs428AndWithAStaleOneIs412WithTheCurrentVersion() {
        String id = t.create("Patchable", t.email("p"), null);
        patch(id, null, "{\"name\":\"x\"}").then().statusCode(428).body("code", equalTo("precondition_required"));
        patch(id, "\"0\"", "{\"name\":\"First\"}").then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("First")).body("version", equalTo(1));
        patch(id, "\"0\"", "{\"name\":\"Second\"}").then().statusCode(412).body("code", equalTo("version_conflict"))
                .body("currentVersion", equalTo(1));
        patch(id, "W/\"1\"", "{\"name\":\"Second\"}").then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void mergePatchSetsRemovesAndKeepsFieldsAndRecordsHistory() {
        String id = t.asRep().body("{\"name\":\"Shop\",\"email\":\"" + t.email("mp") + "\",\"externalRef\":\"R1\","
                        + "\"address\":{\"city\":\"Soweto\",\"country\":\"ZA\"},\"tags\":[\"a\"]}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        patch(id, "\"0\"", "{\"externalRef\":null,\"address\":{\"city\":\"Durban\"},\"tags\":[\"b\",\"c\"],"
                + "\"phone\":\"082 777 0001\"}").then().statusCode(200)
                .body("externalRef", nullValue())
                .body("address.city", equalTo("Durban"))
                .body("address.country", equalTo("ZA"))
                .body("tags", contains("b", "c"))
                .body("phoneE164", equalTo("+27827770001"))
                .body("name", equalTo("Shop"));
        assertThat(Db.strings("select changes::text from customer_history where customer_id = ? and action = 'updated'",
                Db.uuid(id))).singleElement().asString().contains("externalRef", "Durban", "phone");
        patch(id, "\"1\"", "{\"nickname\":\"x\",\"name\":5}").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("nickname", "name"));
        patch(id, "\"1\"", "{\"email\":null,\"phone\":null}").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "phone"));
    }

    @Test
    void changingAContactMovesItsReservationAndATakenOneIs409() {
        String a = t.create("A", t.email("a"), null);
        String b = t.create("B", t.email("b"), null);
        patch(a, "\"0\"", "{\"email\":\"" + t.email("b").toUpperCase() + "\"}").then().statusCode(409)
                .body("code", equalTo("duplicate_contact")).body("existingCustomerId", equalTo(b));
        patch(a, "\"0\"", "{\"email\":\"" + t.email("a2") + "\"}").then().statusCode(200);
        // the old email is free again, the new one is taken
        t.create("Old email reused", t.email("a"), null);
        t.createResponse("New email", t.email("a2"), null).statusCode(409).body("existingCustomerId", equalTo(a));
    }

    @Test
    void deleteReleasesContactsHidesTheCustomerAndRestoreTakesThemBack() {
        String id = t.create("Deletable", t.email("del"), "082 700 0001");
        t.as("supervisor").delete("/api/v1/customers/" + id).then().statusCode(204);
        t.asRep().get("/api/v1/customers/" + id).then().statusCode(404);
        t.asAdmin().queryParam("includeDeleted", true).get("/api/v1/customers/" + id).then().statusCode(200)
                .body("status", equalTo("DELETED")).body("deletedBy", equalTo("supervisor-user"))
                .body("deletedAt", notNullValue());
        t.asManager().queryParam("includeDeleted", true).get("/api/v1/customers/" + id).then().statusCode(403);
        assertThat(Db.count("select count(*) from unique_contacts where customer_id = ?", Db.uuid(id))).isZero();

        t.asManager().post("/api/v1/customers/" + id + "/restore").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("deletedAt", nullValue());
        assertThat(Db.count("select count(*) from unique_contacts where customer_id = ?", Db.uuid(id))).isEqualTo(2);
        t.asManager().post("/api/v1/customers/" + id + "/restore").then().statusCode(409)
                .body("code", equalTo("customer_not_deleted"));
    }

    @Test
    void restoreIs409WhenAContactWasTakenMeanwhile() {
        String id = t.create("Deleted first", t.email("taken"), null);
        t.asManager().delete("/api/v1/customers/" + id).then().statusCode(204);
        String other = t.create("Took the email", t.email("taken"), null);
        t.asManager().post("/api/v1/customers/" + id + "/restore").then().statusCode(409)
                .body("code", equalTo("duplicate_contact")).body("existingCustomerId", equalTo(other));
        t.asAdmin().queryParam("includeDeleted", true).get("/api/v1/customers/" + id).then()
                .body("status", equalTo("DELETED"));
    }

    @Test
    void listPagesWithAStableKeysetCursorAndHidesDeletedCustomers() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(t.create("Listed " + i, t.email("l" + i), null));
        }
        t.asManager().delete("/api/v1/customers/" + ids.get(3)).then().statusCode(204);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = t.asRep().queryParam("limit", 2);
            if (cursor != null) {
                req = req.queryParam("cursor", cursor);
            }
            Response page = req.get("/api/v1/customers").andReturn();
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.path("nextCursor");
            if (pages == 0) {
                // an insert after the first page lands at the end, never shifting what was seen
                ids.add(t.create("Inserted while paging", t.email("late"), null));
            }
            pages++;
        } while (cursor != null);
        List<String> expected = new ArrayList<>(ids);
        expected.remove(3);
        assertThat(seen).containsExactlyElementsOf(expected);

        t.asAdmin().queryParam("includeDeleted", true).queryParam("status", "DELETED").get("/api/v1/customers")
                .then().statusCode(200).body("items.id", contains(ids.get(3)));
        t.asRep().queryParam("status", "DELETED").get("/api/v1/customers").then().statusCode(400);
    }

    @Test
    void listFiltersByNameEmailPhonePrefixAndTag() {
        t.asRep().body("{\"name\":\"Mama Joy Tuckshop\",\"email\":\"joy@tuck.example\",\"phone\":\"082 901 2345\","
                + "\"tags\":[\"Wholesale\"]}").post("/api/v1/customers").then().statusCode(201);
        t.create("Other Shop", t.email("other"), "083 111 2222");
        t.asRep().queryParam("q", "joy tuck").get("/api/v1/customers").then().body("items", hasSize(1));
        t.asRep().queryParam("q", "tuckshop").get("/api/v1/customers").then().body("items", hasSize(1));
        t.asRep().queryParam("q", "JOY@").get("/api/v1/customers").then().body("items", hasSize(1));
        t.asRep().queryParam("q", "082 901").get("/api/v1/customers").then().body("items", hasSize(1));
        t.asRep().queryParam("q", "+2782901").get("/api/v1/customers").then().body("items", hasSize(1));
        t.asRep().queryParam("tag", "wholesale").get("/api/v1/customers").then().body("items", hasSize(1))
                .body("items[0].name", equalTo("Mama Joy Tuckshop"));
        t.asRep().queryParam("q", "100%_").get("/api/v1/customers").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void limitIsBoundedAndCursorsAreValidated() {
        t.asRep().queryParam("limit", 0).get("/api/v1/customers").then().statusCode(400)
                .body("code", equalTo("invalid_parameter"));
        t.asRep().queryParam("limit", 201).get("/api/v1/customers").then().statusCode(400);
        t.asRep().queryParam("limit", 200).get("/api/v1/customers").then().statusCode(200);
        t.asRep().queryParam("cursor", "garbage!").get("/api/v1/customers").then().statusCode(400)
                .body("code", equalTo("invalid_parameter"));
    }
}
