package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetentionResourceTest {

    @Inject
    AuditTrail trail;

    private final UUID tenant = UUID.randomUUID();
    private final String admin = TestTokens.forTenant(tenant).user("adm-1").roles("admin").mint();

    @Test
    void aPurgeRemovesTheOldestRangeSignsAPurgeCheckpointAndTheRestStillVerifies() throws Exception {
        for (int i = 0; i < 10; i++) {
            Seed.customer(trail, tenant, "updated", UUID.randomUUID().toString(), "{\"n\":" + i + "}");
        }
        given().auth().oauth2(admin).contentType("application/json").body("{}").post("/api/v1/audit/retention/purge")
                .then().statusCode(409).body("code", is("retention_not_set"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"days\":-1}")
                .put("/api/v1/audit/retention").then().statusCode(400).body("code", is("validation_failed"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"days\":0}")
                .put("/api/v1/audit/retention").then().statusCode(200).body("days", is(0));
        given().auth().oauth2(admin).get("/api/v1/audit/retention").then().statusCode(200).body("days", is(0));

        JsonPath purged = given().auth().oauth2(admin).contentType("application/json").body("{\"upToSequence\":6}")
                .post("/api/v1/audit/retention/purge").then().statusCode(200).extract().jsonPath();
        assertThat(purged.getLong("purgedCount")).isEqualTo(6);
        assertThat(purged.getLong("lastPurgedSequence")).isEqualTo(6);
        assertThat(purged.getString("checkpoint.kind")).isEqualTo("purge");
        assertThat(purged.getLong("checkpoint.sequence")).isEqualTo(6);
        assertThat(purged.getString("checkpoint.hash")).isEqualTo(purged.getString("lastPurgedHash"));
        assertThat(CheckpointResourceTest.signatureHolds(purged.getString("checkpoint.statement"),
                purged.getString("checkpoint.signature"), purged.getString("checkpoint.publicKey"))).isTrue();
        assertThat(Db.sequences(tenant).get(0)).isEqualTo(7);

        given().auth().oauth2(admin).get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", is(true)).body("fromSequence", is(7));
        // the first remaining record still links to the purged one, as the signed checkpoint says
        assertThat(Db.text("select encode(prev_hash, 'hex') from audit_event where tenant_id = ? and sequence = 7",
                tenant)).isEqualTo(purged.getString("lastPurgedHash"));
        // nothing left to purge up to 6
        given().auth().oauth2(admin).contentType("application/json").body("{\"upToSequence\":6}")
                .post("/api/v1/audit/retention/purge").then().statusCode(200).body("purgedCount", is(0));
    }
}
