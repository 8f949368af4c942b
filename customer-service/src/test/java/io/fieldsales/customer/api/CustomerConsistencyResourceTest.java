package io.fieldsales.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.fieldsales.customer.Db;
import io.fieldsales.customer.TenantFixture;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The consistency check finds tampering and the repair fixes what is safe. */
@QuarkusTest
class CustomerConsistencyResourceTest {

    private final TenantFixture t = new TenantFixture();

    @Test
    void aConsistentTenantHasNoFindings() {
        t.create("Fine", t.email("fine"), "082 860 0001");
        t.asAdmin().get("/api/v1/customers/consistency").then().statusCode(200)
                .body("orphanedReservations", hasSize(0)).body("unreservedContacts", hasSize(0))
                .body("canonicalMismatches", hasSize(0));
    }

    @Test
    void checkFindsEachKindOfDamageAndRepairFixesWhatIsSafe() {
        String lostReservation = t.create("Lost reservation", t.email("lost"), null);
        String staleCanonical = t.create("Stale canonical", t.email("stale"), null);
        String deleted = t.create("Deleted", t.email("deleted"), null);
        String thief = t.create("Thief", t.email("thief"), null);
        String victim = t.create("Victim", t.email("victim"), null);
        t.asManager().delete("/api/v1/customers/" + deleted).then().statusCode(204);
        // tamper as a bug or a manual fix would: bypass the service
        Db.execute("delete from unique_contacts where customer_id = ?", Db.uuid(lostReservation));
        Db.execute("insert into unique_contacts (tenant_id, kind, canonical_value, customer_id, origin_customer_id)"
                + " values (?, 'email', 'ghost@ghost.example', ?, ?)", t.tenant, Db.uuid(deleted), Db.uuid(deleted));
        Db.execute("update customer set email = upper(email) || ' ', email_canonical = upper(email_canonical)"
                + " where id = ?", Db.uuid(staleCanonical));
        Db.execute("update unique_contacts set canonical_value = upper(canonical_value) where customer_id = ?",
                Db.uuid(staleCanonical));
        Db.execute("update unique_contacts set customer_id = ? where customer_id = ?", Db.uuid(thief), Db.uuid(victim));

        t.asAdmin().get("/api/v1/customers/consistency").then().statusCode(200)
                .body("orphanedReservations", hasSize(1))
                .body("orphanedReservations[0].customerStatus", equalTo("DELETED"))
                .body("unreservedContacts.customerId", org.hamcrest.Matchers.hasItems(lostReservation, victim))
                .body("canonicalMismatches", hasSize(1))
                .body("canonicalMismatches[0].customerId", equalTo(staleCanonical));

        var repair = t.asAdmin().post("/api/v1/customers/consistency/repair").then().statusCode(200)
                .body("after.orphanedReservations", hasSize(0))
                .body("after.canonicalMismatches", hasSize(0))
                .body("unresolved", hasSize(1))
                .body("unresolved[0].subject.customerId", equalTo(victim))
                .extract().jsonPath();
        assertThat(repair.getList("repaired.finding")).contains("orphaned_reservation", "canonical_mismatch",
                "unreserved_contact");
        assertThat(Db.count("select count(*) from unique_contacts where customer_id = ?", Db.uuid(lostReservation)))
                .isEqualTo(1);
        t.createResponse("Dup of stale", t.email("stale"), null).statusCode(409)
                .body("existingCustomerId", equalTo(staleCanonical));
        // the repair is in the customer's history as a change object, like every other change
        assertThat(Db.strings("select jsonb_typeof(changes) from customer_history where customer_id = ?"
                + " and action = 'repaired'", Db.uuid(staleCanonical))).containsExactly("object");
    }
}
