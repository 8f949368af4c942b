package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.audit.service.Checkpoints;
import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckpointResourceTest {

    @Inject
    AuditTrail trail;

    @Inject
    Checkpoints checkpoints;

    private final UUID tenant = UUID.randomUUID();
    private final String admin = TestTokens.forTenant(tenant).user("adm-1").roles("admin").mint();
    private final String auditor = TestTokens.forTenant(tenant).user("aud-1").roles("auditor").mint();

    static boolean signatureHolds(String statement, String signature, String publicKey) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        verifier.update(statement.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    @Test
    void anOnDemandCheckpointIsSignedListedWithThePublicKeyAndPublished() throws Exception {
        for (int i = 0; i < 3; i++) {
            Seed.customer(trail, tenant, "updated", UUID.randomUUID().toString(), "{}");
        }
        String headHash = Db.text("select encode(last_hash, 'hex') from audit_chain_head where tenant_id = ?", tenant);
        JsonPath created = given().auth().oauth2(admin).post("/api/v1/audit/checkpoints").then().statusCode(201)
                .extract().jsonPath();
        assertThat(created.getLong("sequence")).isEqualTo(3);
        assertThat(created.getString("hash")).isEqualTo(headHash);
        assertThat(created.getString("kind")).isEqualTo("on_demand");

        JsonPath listed = given().auth().oauth2(auditor).get("/api/v1/audit/checkpoints").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getList("items.id", String.class)).containsExactly(created.getString("id"));
        String publicKey = listed.getString("signingKey.publicKey");
        assertThat(listed.getString("signingKey.algorithm")).isEqualTo("Ed25519");
        assertThat(signatureHolds(listed.getString("items[0].statement"), listed.getString("items[0].signature"),
                publicKey)).isTrue();
        assertThat(JsonPath.from(listed.getString("items[0].statement")).getString("hash")).isEqualTo(headHash);
        assertThat(signatureHolds(listed.getString("items[0].statement").replace("\"sequence\":3", "\"sequence\":2"),
                listed.getString("items[0].signature"), publicKey)).isFalse();

        try (TopicProbe probe = TopicProbe.on("audit.checkpoints")) {
            List<ConsumerRecord<String, String>> published = probe.await(
                    TopicProbe.withHeader("ce_tenantid", tenant.toString()), 1, Duration.ofSeconds(30));
            assertThat(published).hasSize(1);
            ConsumerRecord<String, String> r = published.get(0);
            assertThat(TopicProbe.header(r, "ce_type")).isEqualTo("io.fieldsales.audit.checkpoint.signed.v1");
            assertThat(r.key()).isEqualTo(tenant.toString());
            JsonPath payload = JsonPath.from(r.value());
            assertThat(payload.getString("checkpointId")).isEqualTo(created.getString("id"));
            assertThat(signatureHolds(payload.getString("statement"), payload.getString("signature"),
                    payload.getString("publicKey"))).isTrue();
        }
    }

    @Test
    void theScheduledPassSignsEveryTenantWhoseChainGrewAndOnlyThose() {
        Seed.customer(trail, tenant, "created", UUID.randomUUID().toString(), "{}");
        Seed.customer(trail, tenant, "updated", UUID.randomUUID().toString(), "{}");
        checkpoints.signChangedTenants().await().atMost(Duration.ofSeconds(30));
        JsonPath listed = given().auth().oauth2(auditor).get("/api/v1/audit/checkpoints").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getList("items.kind", String.class)).containsExactly("scheduled");
        assertThat(listed.getLong("items[0].sequence")).isEqualTo(2);
        checkpoints.signChangedTenants().await().atMost(Duration.ofSeconds(30));
        // nothing grew since: the second pass signs nothing new for this tenant
        assertThat(given().auth().oauth2(auditor).get("/api/v1/audit/checkpoints").then().statusCode(200)
                .extract().jsonPath().getList("items.sequence", Long.class)).containsExactly(2L);
    }
}
