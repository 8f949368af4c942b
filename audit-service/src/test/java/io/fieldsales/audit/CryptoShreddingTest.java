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
class CryptoShreddingTest {

    @Inject
    AuditTrail trail;

    private final UUID tenant = UUID.randomUUID();
    private final String auditor = TestTokens.forTenant(tenant).user("aud-1").roles("auditor").mint();

    private JsonPath timeline(String customer) {
        return given().auth().oauth2(auditor).get("/api/v1/audit/entities/customer/" + customer + "/timeline")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void personalDataIsStoredEncryptedAndErasureShredsItWhileTheChainStillVerifies() {
        String customer = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Seed.customer(trail, tenant, "created", customer, "{\"customer\":{\"id\":\"" + customer + "\",\"name\":\"Thandi Nkosi\","
                + "\"email\":\"thandi@example.co.za\",\"phone\":\"+27821234567\",\"externalRef\":\"ERP-77\","
                + "\"address\":{\"lines\":[\"12 Main Rd\"],\"city\":\"Durban\"},\"tags\":[\"vip\"],\"version\":0}}");
        Seed.append(trail, tenant, "order.events", "io.fieldsales.order.order.placed.v1", UUID.randomUUID().toString(),
                "rep-1", null, "{\"customerId\":\"" + customer + "\",\"deliveryAddress\":\"12 Main Rd\",\"total\":\"10.00\"}");
        Seed.customer(trail, tenant, "created", other, "{\"customer\":{\"name\":\"Other Person\",\"email\":\"o@example.com\"}}");

        String stored = Db.text("select string_agg(data::text, ' ') from audit_event where tenant_id = ?", tenant);
        assertThat(stored).doesNotContain("Thandi").doesNotContain("thandi@example.co.za").doesNotContain("+27821234567")
                .doesNotContain("ERP-77").doesNotContain("Main Rd").contains("pii:v2:customer:" + customer).contains("vip");

        JsonPath before = timeline(customer);
        assertThat(before.getString("items[0].data.customer.name")).isEqualTo("Thandi Nkosi");
        assertThat(before.getString("items[0].data.customer.email")).isEqualTo("thandi@example.co.za");
        assertThat(before.getString("items[0].data.customer.address.city")).isEqualTo("Durban");
        assertThat(before.getString("items[1].data.deliveryAddress")).isEqualTo("12 Main Rd");

        Seed.customer(trail, tenant, "erased", customer, "{\"customerId\":\"" + customer + "\",\"alsoErased\":[]}");
        // a late event about the erased customer never gets a new key
        Seed.customer(trail, tenant, "updated", customer, "{\"customer\":{\"name\":\"Thandi Again\"},"
                + "\"changedFields\":[\"name\"]}");

        JsonPath after = timeline(customer);
        assertThat(after.getString("items[0].data.customer.name")).isEqualTo("[erased]");
        assertThat(after.getString("items[0].data.customer.email")).isEqualTo("[erased]");
        assertThat(after.getString("items[0].data.customer.address")).isEqualTo("[erased]");
        assertThat(after.getList("items[0].data.customer.tags", String.class)).containsExactly("vip");
        assertThat(after.getString("items[1].data.deliveryAddress")).isEqualTo("[erased]");
        assertThat(after.getString("items[1].data.total")).isEqualTo("10.00");
        assertThat(after.getString("items[3].data.customer.name")).isEqualTo("[erased]");
        assertThat(Db.text("select data::text from audit_event where tenant_id = ? and event_type ="
                + " 'io.fieldsales.customer.updated.v1' and entity_id = ?", tenant, customer)).doesNotContain("Thandi");
        assertThat(Db.count("select count(*) from subject_key where tenant_id = ? and subject = ?"
                + " and wrapped_key is null and destroyed_at is not null", tenant, "customer:" + customer)).isEqualTo(1);
        // other customers keep their data
        assertThat(timeline(other).getString("items[0].data.customer.name")).isEqualTo("Other Person");
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200).body("valid", is(true));
    }
}
