package io.fieldsales.customer.api;

import static io.fieldsales.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.fieldsales.customer.Db;
import io.fieldsales.customer.TenantFixture;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** GDPR access (export) and erasure. */
@QuarkusTest
class CustomerPrivacyResourceTest {

    private final TenantFixture t = new TenantFixture();

    @Test
    void exportHoldsTheCustomerItsHistoryAndItsReservations() {
        String id = t.create("Exported", t.email("exp"), "082 820 0001");
        t.asRep().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\":\"Exported Renamed\"}").patch("/api/v1/customers/" + id).then().statusCode(200);
        t.asManager().get("/api/v1/customers/" + id + "/export").then().statusCode(200)
                .body("customer.name", equalTo("Exported Renamed"))
                .body("history", hasSize(2))
                .body("history[0].action", equalTo("created"))
                .body("history[1].changes.name.to", equalTo("Exported Renamed"))
                .body("contactReservations", hasSize(2));
    }

    @Test
    void eraseAnonymizesReleasesContactsAndPublishesAnEventWithoutPersonalData() throws Exception {
        String email = t.email("erase");
        String id = t.asRep().body("{\"name\":\"Nomsa Dlamini\",\"email\":\"" + email + "\",\"phone\":\"082 830 0001\","
                        + "\"externalRef\":\"ID-123\",\"address\":{\"lines\":[\"12 Vilakazi St\"],\"city\":\"Soweto\"}}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String merged = t.create("Nomsa D.", t.email("erase2"), null);
        t.asManager().body("{\"sourceIds\":[\"" + merged + "\"]}").post("/api/v1/customers/" + id + "/merge")
                .then().statusCode(200);

        try (TopicProbe probe = TopicProbe.on("customer.events")) {
            t.asAdmin().post("/api/v1/customers/" + id + "/erase").then().statusCode(200)
                    .body("status", equalTo("ERASED")).body("email", nullValue()).body("phone", nullValue())
                    .body("address", nullValue()).body("externalRef", nullValue());
            var erased = probe.await(r -> "io.fieldsales.customer.erased.v1".equals(header(r, "ce_type"))
                    && id.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(erased).hasSize(1);
            assertThat(erased.get(0).value()).doesNotContain("Nomsa", email, "+27828300001", "Vilakazi", "ID-123")
                    .contains(merged);
        }
        t.asRep().get("/api/v1/customers/" + merged).then().statusCode(200).body("status", equalTo("ERASED"))
                .body("name", equalTo("[erased]"));
        assertThat(Db.count("select count(*) from unique_contacts where tenant_id = ?", t.tenant)).isZero();
        assertThat(Db.strings("select changes::text from customer_history where customer_id = ?", Db.uuid(id)))
                .noneMatch(h -> h.contains("Nomsa") || h.contains(email));
        assertThat(Db.strings("select payload::text from outbox where aggregate_id in (?, ?)", id, merged))
                .noneMatch(p -> p.contains("Nomsa"));
        // the contact is free for a new customer, and erasing again changes nothing
        t.create("New owner", email, null);
        t.asAdmin().post("/api/v1/customers/" + id + "/erase").then().statusCode(200);
        t.asManager().post("/api/v1/customers/" + id + "/erase").then().statusCode(403);
    }

    @Test
    void eraseDeletesTheStoredIdempotentResponsesOfTheCustomerAndOfTheCustomersMergedIntoIt() {
        String survivorEmail = t.email("idem-survivor");
        String sourceEmail = t.email("idem-source");
        String otherEmail = t.email("idem-other");
        String survivor = t.asRep().header("Idempotency-Key", "create-survivor")
                .body(TenantFixture.json("Lindiwe Idem", survivorEmail, "082 840 0001"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String source = t.asRep().header("Idempotency-Key", "create-source")
                .body(TenantFixture.json("Lindiwe I.", sourceEmail, "082 840 0002"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String other = t.asRep().header("Idempotency-Key", "create-other")
                .body(TenantFixture.json("Someone Else", otherEmail, null))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        t.asManager().body("{\"sourceIds\":[\"" + source + "\"]}").post("/api/v1/customers/" + survivor + "/merge")
                .then().statusCode(200);
        assertThat(Db.count("select count(*) from idempotency_key where scope = ?", t.tenant.toString())).isEqualTo(3);

        t.asAdmin().post("/api/v1/customers/" + survivor + "/erase").then().statusCode(200);

        // what the table still holds for this tenant says nothing of the erased customers
        assertThat(Db.strings("select idem_key from idempotency_key where scope = ?", t.tenant.toString()))
                .containsExactly("create-other");
        assertThat(Db.strings("select coalesce(response_body, '') || coalesce(response_headers::text, '')"
                + " from idempotency_key where scope = ?", t.tenant.toString()))
                .noneMatch(stored -> stored.contains(survivor) || stored.contains(source)
                        || stored.contains(survivorEmail) || stored.contains(sourceEmail)
                        || stored.contains("Lindiwe") || stored.contains("27828400001"))
                .allMatch(stored -> stored.contains(other));
        // the other customer's key still replays its response
        t.asRep().header("Idempotency-Key", "create-other").body(TenantFixture.json("Someone Else", otherEmail, null))
                .post("/api/v1/customers").then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(other));
    }
}
