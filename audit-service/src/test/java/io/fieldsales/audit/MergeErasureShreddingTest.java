package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a merge event carries the contacts and conflicting values of the merged customers; erasing the survivor
 * must shred them too. The events are the shapes customer-service publishes (docs/events/asyncapi.yaml:
 * CustomerCreated {customer: snapshot}, CustomerMerged {survivorId, sourceIds, survivor, movedContacts[{kind, value,
 * fromCustomerId}], addedTags, filledFields, conflicts[{sourceId, field, survivorValue, sourceValue}]},
 * CustomerErased {customerId, alsoErased, version, erasedAt}), sent over Kafka by the owning source.
 */
@QuarkusTest
class MergeErasureShreddingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID tenant = UUID.randomUUID();
    private final String auditor = TestTokens.forTenant(tenant).user("aud-1").roles("auditor").mint();
    private final String survivor = UUID.randomUUID().toString();
    private final String source = UUID.randomUUID().toString();
    private final String survivorEmail = "ayanda.survivor." + tenant.toString().substring(0, 8) + "@shop.example";
    private final String sourceEmail = "bongani.source." + tenant.toString().substring(0, 8) + "@shop.example";
    private final String survivorPhone = "+27825550101";
    private final String sourcePhone = "+27825550202";
    private final String sourceSecondPhone = "+27825550303";

    private ObjectNode snapshot(String id, String name, String email, String phone, long version) {
        ObjectNode c = JSON.createObjectNode().put("id", id).put("name", name).put("email", email).put("phone", phone)
                .put("externalRef", "ERP-" + id.substring(0, 6));
        ObjectNode address = c.putObject("address");
        address.putArray("lines").add("7 Long St");
        address.put("city", "Cape Town").put("postalCode", "8001").put("country", "ZA");
        c.putArray("tags").add("wholesale");
        c.put("status", "ACTIVE").putNull("mergedInto").put("version", version).put("updatedAt", "2026-11-30T10:00:00Z");
        return c;
    }

    private String created(String id, String name, String email, String phone) {
        ObjectNode data = JSON.createObjectNode();
        data.set("customer", snapshot(id, name, email, phone, 0));
        return data.toString();
    }

    private String merged() {
        ObjectNode data = JSON.createObjectNode().put("survivorId", survivor);
        data.putArray("sourceIds").add(source);
        data.set("survivor", snapshot(survivor, "Ayanda Survivor", survivorEmail, survivorPhone, 1));
        ObjectNode moved1 = data.putArray("movedContacts").addObject()
                .put("kind", "email").put("value", sourceEmail).put("fromCustomerId", source);
        data.withArray("movedContacts").addObject()
                .put("kind", "phone").put("value", sourceSecondPhone).put("fromCustomerId", source);
        assertThat(moved1).isNotNull();
        data.putArray("addedTags").add("retail");
        data.putObject("filledFields");
        data.putArray("conflicts").addObject().put("sourceId", source).put("field", "phone")
                .put("survivorValue", survivorPhone).put("sourceValue", sourcePhone);
        data.withArray("conflicts").addObject().put("sourceId", source).put("field", "name")
                .put("survivorValue", "Ayanda Survivor").put("sourceValue", "Bongani Source");
        return data.toString();
    }

    private String erased() {
        ObjectNode data = JSON.createObjectNode().put("customerId", survivor);
        data.putArray("alsoErased").add(source);
        return data.put("version", 3).put("erasedAt", "2026-11-30T11:00:00Z").toString();
    }

    private String[] personalData() {
        return new String[] {survivorEmail, sourceEmail, survivorPhone, sourcePhone, sourceSecondPhone,
                survivorPhone.substring(1), sourcePhone.substring(1), sourceSecondPhone.substring(1),
                "Ayanda Survivor", "Bongani Source", "7 Long St"};
    }

    private long stored() {
        return Db.count("select count(*) from audit_event where tenant_id = ? and topic = 'customer.events'", tenant);
    }

    private String export() {
        return given().auth().oauth2(auditor).get("/api/v1/audit/export").then().statusCode(200).extract().asString();
    }

    private String events() {
        return given().auth().oauth2(auditor).queryParam("limit", 500).get("/api/v1/audit/events")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void mergeThenEraseTheSurvivorLeavesNoEmailOrPhoneOfEitherCustomerReadableInTheTrailOrItsExport() {
        try (TestEvents events = new TestEvents()) {
            events.send("customer.events", tenant, "io.fieldsales.customer.created.v1", survivor, "rep-1", null,
                    created(survivor, "Ayanda Survivor", survivorEmail, survivorPhone));
            events.send("customer.events", tenant, "io.fieldsales.customer.created.v1", source, "rep-1", null,
                    created(source, "Bongani Source", sourceEmail, sourcePhone));
            events.send("customer.events", tenant, "io.fieldsales.customer.merged.v1", survivor, "mgr-1", null,
                    merged());
            await().atMost(Duration.ofSeconds(30)).until(() -> stored() == 3);

            // before the erasure: stored encrypted, each value under the key of the customer it came from
            String raw = Db.text("select string_agg(t::text, ' ') from audit_event t where tenant_id = ?", tenant);
            assertThat(raw).doesNotContain(personalData());
            String mergeData = Db.text("select data::text from audit_event where tenant_id = ? and event_type ="
                    + " 'io.fieldsales.customer.merged.v1'", tenant);
            assertThat(mergeData).contains("pii:v2:customer:" + source + ":").contains("pii:v2:customer:" + survivor + ":");
            JsonPath merge = given().auth().oauth2(auditor).queryParam("type", "io.fieldsales.customer.merged.v1")
                    .get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath();
            assertThat(merge.getList("items.data.movedContacts.value", List.class).get(0))
                    .containsExactly(sourceEmail, sourceSecondPhone);
            assertThat(merge.getString("items[0].data.conflicts[0].sourceValue")).isEqualTo(sourcePhone);
            assertThat(merge.getString("items[0].data.conflicts[0].survivorValue")).isEqualTo(survivorPhone);
            assertThat(merge.getString("items[0].data.survivor.email")).isEqualTo(survivorEmail);

            events.send("customer.events", tenant, "io.fieldsales.customer.erased.v1", survivor, "admin-1", null,
                    erased());
            await().atMost(Duration.ofSeconds(30)).until(() -> stored() == 4);
        }

        // the keys of the survivor AND of the customer merged into it are destroyed
        for (String customer : List.of(survivor, source)) {
            assertThat(Db.count("select count(*) from subject_key where tenant_id = ? and subject = ?"
                    + " and wrapped_key is null and destroyed_at is not null", tenant, "customer:" + customer))
                    .isEqualTo(1);
        }
        // nowhere: not in the raw rows (every column), not in the API, not in the export
        String raw = Db.text("select string_agg(t::text, ' ') from audit_event t where tenant_id = ?", tenant);
        assertThat(raw).doesNotContain(personalData());
        String listed = events();
        assertThat(listed).doesNotContain(personalData()).contains("[erased]");
        String exported = export();
        assertThat(exported).isNotBlank().doesNotContain(personalData());
        JsonPath merge = given().auth().oauth2(auditor).queryParam("type", "io.fieldsales.customer.merged.v1")
                .get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath();
        assertThat(merge.getList("items.data.movedContacts.value", List.class).get(0))
                .containsExactly("[erased]", "[erased]");
        assertThat(merge.getString("items[0].data.conflicts[1].sourceValue")).isEqualTo("[erased]");
        assertThat(merge.getString("items[0].data.conflicts[1].field")).isEqualTo("name");
        JsonPath sourceTimeline = given().auth().oauth2(auditor)
                .get("/api/v1/audit/entities/customer/" + source + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertThat(sourceTimeline.getString("items[0].data.customer.email")).isEqualTo("[erased]");
        assertThat(sourceTimeline.getString("items[0].data.customer.phone")).isEqualTo("[erased]");
        // the chain still verifies: shredding changed keys, not records
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }
}
