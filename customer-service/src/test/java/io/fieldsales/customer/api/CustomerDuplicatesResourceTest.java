package io.fieldsales.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.fieldsales.customer.Db;
import io.fieldsales.customer.TenantFixture;
import io.fieldsales.customer.repository.DuplicateQueries;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Merges, the duplicates finder and not-duplicate pairs. */
@QuarkusTest
class CustomerDuplicatesResourceTest {

    private final TenantFixture t = new TenantFixture();

    private io.restassured.response.ValidatableResponse merge(String survivor, String body) {
        return t.asManager().body(body).post("/api/v1/customers/" + survivor + "/merge").then();
    }

    @Test
    void mergeMovesContactsAndTagsKeepsConflictsAndOldIdsResolveToTheSurvivor() {
        String survivor = t.asRep().body("{\"name\":\"Spaza Shop\",\"email\":\"" + t.email("s") + "\",\"tags\":[\"vip\"]}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String source = t.asRep().body("{\"name\":\"Spaza Shop Soweto\",\"email\":\"" + t.email("src")
                        + "\",\"phone\":\"082 800 0001\",\"tags\":[\"cash\"]}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");

        merge(survivor, "{\"sourceIds\":[\"" + source + "\"],\"expectedVersions\":{\"" + survivor + "\":0,\"" + source
                + "\":0}}").statusCode(200)
                .header("ETag", "\"1\"")
                .body("phoneE164", equalTo("+27828000001"))
                .body("tags", containsInAnyOrder("vip", "cash"));

        t.asRep().get("/api/v1/customers/" + source).then().statusCode(200)
                .body("status", equalTo("MERGED")).body("mergedInto", equalTo(survivor))
                .body("name", equalTo("Spaza Shop Soweto")).body("version", equalTo(1));
        // any lookup by the merged customer's contacts lands on the survivor
        t.asRep().body(TenantFixture.json("Anything", t.email("src"), null)).post("/api/v1/customers/find-or-create")
                .then().statusCode(200).body("id", equalTo(survivor));
        t.asRep().body(TenantFixture.json("Anything", null, "+27 82 800 0001")).post("/api/v1/customers/find-or-create")
                .then().statusCode(200).body("id", equalTo(survivor));
        t.createResponse("New", t.email("src"), null).statusCode(409).body("existingCustomerId", equalTo(survivor));
        // an offline device PATCHing the old id learns where the customer lives now
        t.asRep().contentType("application/merge-patch+json").header("If-Match", "*").body("{\"name\":\"x\"}")
                .patch("/api/v1/customers/" + source).then().statusCode(409)
                .body("code", equalTo("customer_not_active")).body("mergedInto", equalTo(survivor));

        assertThat(Db.count("select count(*) from unique_contacts where customer_id = ?", Db.uuid(survivor)))
                .isEqualTo(3);
        assertThat(Db.strings("select merge_conflicts::text from customer where id = ?", Db.uuid(survivor)))
                .singleElement().asString().contains("Spaza Shop Soweto", "email");
        t.asManager().get("/api/v1/customers/" + survivor + "/export").then().statusCode(200)
                .body("mergeConflicts.field", hasItem("name"));
    }

    @Test
    void mergeRefusesSelfMergedOrDeletedCustomersAndStaleVersions() {
        String a = t.create("A", t.email("a"), null);
        String b = t.create("B", t.email("b"), null);
        String c = t.create("C", t.email("c"), null);
        merge(a, "{\"sourceIds\":[\"" + a + "\"]}").statusCode(409).body("code", equalTo("merge_into_self"));
        merge(a, "{\"sourceIds\":[\"" + b + "\"],\"expectedVersions\":{\"" + b + "\":7}}").statusCode(412)
                .body("code", equalTo("version_conflict")).body("currentVersion", equalTo(0));
        merge(a, "{\"sourceIds\":[\"" + b + "\"]}").statusCode(200);
        merge(b, "{\"sourceIds\":[\"" + c + "\"]}").statusCode(409).body("code", equalTo("merge_target_not_active"));
        merge(c, "{\"sourceIds\":[\"" + b + "\"]}").statusCode(409).body("code", equalTo("merge_source_not_active"));
        t.asManager().delete("/api/v1/customers/" + c).then().statusCode(204);
        merge(c, "{\"sourceIds\":[\"" + a + "\"]}").statusCode(409).body("code", equalTo("merge_target_not_active"));
        merge(a, "{\"sourceIds\":[]}").statusCode(400).body("code", equalTo("validation_failed"));
        merge(a, "{\"sourceIds\":[\"" + java.util.UUID.randomUUID() + "\"]}").statusCode(404);
    }

    @Test
    void duplicatesFinderScoresSignalsAndForgetsPairsMarkedDistinct() {
        String target = t.asRep().body("{\"name\":\"Thabo's Hardware Store\",\"email\":\"thabo@hardware.example\","
                + "\"phone\":\"071 234 5678\",\"externalRef\":\"ERP-55\"}").post("/api/v1/customers").then()
                .statusCode(201).extract().path("id");
        String similarName = t.create("Thabos Hardware Store", t.email("h1"), null);
        String samePhoneOtherCountry = t.create("Zulu Traders", null, "+254 712 345 678");
        String sameLocalPart = t.create("Unrelated Name", "thabo@another.example", null);
        String sameRef = t.asRep().body("{\"name\":\"Completely Different\",\"email\":\"" + t.email("ref")
                + "\",\"externalRef\":\"ERP-55\"}").post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String unrelated = t.create("Bakery Corner", t.email("bakery"), null);

        var found = t.asRep().get("/api/v1/customers/" + target + "/duplicates").then().statusCode(200)
                .body("items.customerId", hasItem(similarName))
                .body("items.customerId", hasItem(sameLocalPart))
                .body("items.customerId", hasItem(sameRef))
                .body("items.customerId", not(hasItem(unrelated)))
                .body("items.customerId", not(hasItem(target)))
                .extract().jsonPath();
        assertThat(found.getList("items.find { it.customerId == '" + sameRef + "' }.reasons.reason"))
                .contains("same_external_ref");
        assertThat(found.getDouble("items[0].score")).isGreaterThanOrEqualTo(found.getDouble("items[1].score"));
        assertThat(found.getList("items.find { it.customerId == '" + samePhoneOtherCountry + "' }.reasons.reason"))
                .contains("same_phone_national_number");

        t.asRep().body("{\"customerId\":\"" + similarName + "\"}")
                .post("/api/v1/customers/" + target + "/not-duplicates").then().statusCode(204);
        t.asRep().get("/api/v1/customers/" + target + "/duplicates").then().statusCode(200)
                .body("items.customerId", not(hasItem(similarName)));
        t.asRep().get("/api/v1/customers/" + similarName + "/duplicates").then().statusCode(200)
                .body("items.customerId", not(hasItem(target)));
    }

    @Test
    void createOfANearTwinCarriesPossibleDuplicates() {
        String first = t.create("Sunrise General Dealer", t.email("sun1"), null);
        t.createResponse("Sunrise General Dealers", t.email("sun2"), null).statusCode(201)
                .body("possibleDuplicates.customerId", hasItem(first));
        t.createResponse("Moonlight Bottle Store", t.email("moon"), null).statusCode(201)
                .body("possibleDuplicates", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aNameKeySharedByMoreThanFiftyCustomersIsKeptOnceAndStaysCommon() {
        // 51 loaded shops share the words "baobab" and "kiosk" (the triggers run for any write path, SQL included)
        Db.execute("insert into customer (id, tenant_id, name, created_by, updated_by) select gen_random_uuid(),"
                + " ?::uuid, 'Baobab Kiosk ' || substr(md5(i::text), 1, 8), 'test', 'test'"
                + " from generate_series(1, 51) i", t.tenant.toString());
        String keyRows = "select customer_id::text from customer_name_key where tenant_id = ?::uuid and name_key = ?";
        assertThat(Db.strings(keyRows, t.tenant.toString(), "d:baobab"))
                .containsExactly(DuplicateQueries.COMMON_KEY_MARKER);
        assertThat(Db.strings(keyRows, t.tenant.toString(), "p:baobab kiosk"))
                .containsExactly(DuplicateQueries.COMMON_KEY_MARKER);

        // a name sharing a common word and an uncommon one: stored under the uncommon keys only, found through them
        String first = t.create("Baobab Umoja Traders", t.email("umoja1"), null);
        assertThat(Db.strings(keyRows, t.tenant.toString(), "d:umoja")).containsExactly(first);
        assertThat(Db.strings(keyRows, t.tenant.toString(), "d:baobab"))
                .containsExactly(DuplicateQueries.COMMON_KEY_MARKER);
        t.createResponse("Baobab Umoja Trader", t.email("umoja2"), null).statusCode(201)
                .body("possibleDuplicates.customerId", hasItem(first));

        // deleting the shops does not make the word uncommon again: the probe stays bounded whatever the tenant does
        Db.execute("update customer set status = 'DELETED', deleted_at = now(), deleted_by = 'test'"
                + " where tenant_id = ?::uuid and name like 'Baobab Kiosk %'", t.tenant.toString());
        t.create("Baobab Kiosk", t.email("kiosk"), null);
        assertThat(Db.strings(keyRows, t.tenant.toString(), "d:kiosk"))
                .containsExactly(DuplicateQueries.COMMON_KEY_MARKER);
    }
}
