package io.fieldsales.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EventClassificationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acceptsTheKnownTypesOfEachTopicOnly() {
        assertThat(EventTypes.accepted("customer.events", "io.fieldsales.customer.merged.v1")).isTrue();
        assertThat(EventTypes.accepted("customer.events", "io.fieldsales.customer.teleported.v1")).isFalse();
        assertThat(EventTypes.accepted("customer.events", "io.fieldsales.order.order.placed.v1")).isFalse();
        assertThat(EventTypes.accepted("order.events", "io.fieldsales.order.order.placed.v1")).isTrue();
        assertThat(EventTypes.accepted("cash.events", "io.fieldsales.cash.cash-session.closed.v2")).isTrue();
        assertThat(EventTypes.accepted("security.events", "io.fieldsales.security.login.failed.v1")).isTrue();
        assertThat(EventTypes.accepted("security.events", "io.fieldsales.security.login.failed")).isFalse();
        assertThat(EventTypes.accepted("order.events", "IO.FIELDSALES.ORDER.X.V1")).isFalse();
        assertThat(EventTypes.accepted("other.events", "io.fieldsales.other.thing.done.v1")).isFalse();
    }

    @Test
    void theEntityIsTheSegmentBeforeTheVerbOrTheService() {
        assertThat(EventTypes.entityType("io.fieldsales.customer.created.v1")).isEqualTo("customer");
        assertThat(EventTypes.entityType("io.fieldsales.order.order.placed.v1")).isEqualTo("order");
        assertThat(EventTypes.entityType("io.fieldsales.cash.cash-session.closed.v1")).isEqualTo("cash-session");
    }

    @Test
    void referencesComeFromIdFieldsAtAnyDepth() throws Exception {
        JsonNode data = json.readTree("{\"customerId\":\"c1\",\"lines\":[{\"productId\":\"p1\"}],"
                + "\"cashSessionIds\":[\"s1\",\"s2\"],\"tenantId\":\"t\",\"actorId\":\"a\",\"mergedInto\":\"c9\","
                + "\"orderId\":\"o1\"}");
        assertThat(EntityReferences.of(data, "order", "o1")).containsExactlyInAnyOrder("customer:c1", "product:p1",
                "cash-session:s1", "cash-session:s2", "customer:c9");
    }

    @Test
    void personalFieldsAreEncryptedRevealedAndShredded() throws Exception {
        JsonNode data = json.readTree("{\"name\":\"Ann\",\"address\":{\"city\":\"Durban\"},\"contact_email\":\"a@b.c\","
                + "\"status\":\"ACTIVE\",\"nested\":[{\"phone\":\"+27821234567\"}]}");
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        byte[] aad = PersonalData.aad(UUID.randomUUID(), "customer:1", UUID.randomUUID());
        JsonNode stored = PersonalData.protect(data, key, aad, json);
        assertThat(stored.toString()).doesNotContain("Ann").doesNotContain("Durban").doesNotContain("a@b.c")
                .doesNotContain("+2782").contains("ACTIVE");
        assertThat(PersonalData.reveal(stored, key, aad, json)).isEqualTo(data);
        JsonNode shredded = PersonalData.reveal(stored, null, aad, json);
        assertThat(shredded.get("name").asText()).isEqualTo("[erased]");
        assertThat(shredded.get("address").asText()).isEqualTo("[erased]");
        assertThat(shredded.get("status").asText()).isEqualTo("ACTIVE");
        // a ciphertext moved to another record does not decrypt
        byte[] otherAad = PersonalData.aad(UUID.randomUUID(), "customer:1", UUID.randomUUID());
        assertThat(PersonalData.reveal(stored, key, otherAad, json).get("name").asText()).isEqualTo("[unreadable]");
    }
}
