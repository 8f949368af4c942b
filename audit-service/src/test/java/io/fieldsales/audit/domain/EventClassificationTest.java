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

    private static NewAuditEvent event(String topic, String type, String entityId, JsonNode data) {
        return new NewAuditEvent(UUID.randomUUID(), UUID.randomUUID(), type, "test", topic,
                EventTypes.entityType(type), entityId, "rep-1", null, null, data);
    }

    @Test
    void undeclaredTypesFallBackToPersonalFieldNamesEncryptedRevealedAndShredded() throws Exception {
        JsonNode data = json.readTree("{\"name\":\"Ann\",\"address\":{\"city\":\"Durban\"},\"contact_email\":\"a@b.c\","
                + "\"status\":\"ACTIVE\",\"nested\":[{\"phone\":\"+27821234567\"}],\"customerId\":\"c1\"}");
        NewAuditEvent e = event("order.events", "io.fieldsales.order.order.placed.v1", "o1", data);
        JsonNode stored = data.deepCopy();
        var values = PersonalDataCatalog.locate(e, stored);
        assertThat(values).extracting(PersonalDataCatalog.PersonalValue::subject).containsOnly("customer:c1");
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        PersonalData.protect(values, s -> key, e.tenantId(), e.eventId(), json);
        assertThat(stored.toString()).doesNotContain("Ann").doesNotContain("Durban").doesNotContain("a@b.c")
                .doesNotContain("+2782").contains("ACTIVE").contains("pii:v2:customer:c1:");
        assertThat(PersonalData.subjects(stored, null)).containsExactly("customer:c1");
        assertThat(PersonalData.reveal(stored, s -> key, e.tenantId(), e.eventId(), null, json)).isEqualTo(data);
        JsonNode shredded = PersonalData.reveal(stored, s -> null, e.tenantId(), e.eventId(), null, json);
        assertThat(shredded.get("name").asText()).isEqualTo("[erased]");
        assertThat(shredded.get("address").asText()).isEqualTo("[erased]");
        assertThat(shredded.get("status").asText()).isEqualTo("ACTIVE");
        // a ciphertext moved to another record does not decrypt
        assertThat(PersonalData.reveal(stored, s -> key, e.tenantId(), UUID.randomUUID(), null, json).get("name")
                .asText()).isEqualTo("[unreadable]");
    }

    @Test
    void aMergeEventsPersonalValuesBelongToTheCustomerTheyCameFrom() throws Exception {
        String survivor = UUID.randomUUID().toString();
        String source = UUID.randomUUID().toString();
        JsonNode data = json.readTree("{\"survivorId\":\"" + survivor + "\",\"sourceIds\":[\"" + source + "\"],"
                + "\"survivor\":{\"id\":\"" + survivor + "\",\"name\":\"Ann\",\"email\":\"ann@x.co\",\"phone\":null,"
                + "\"externalRef\":null,\"address\":{\"lines\":[],\"city\":null,\"postalCode\":null,\"country\":null},"
                + "\"tags\":[\"vip\"],\"status\":\"ACTIVE\",\"mergedInto\":null,\"version\":2,\"updatedAt\":\"2026-01-01T00:00:00Z\"},"
                + "\"movedContacts\":[{\"kind\":\"phone\",\"value\":\"+27821110000\",\"fromCustomerId\":\"" + source + "\"}],"
                + "\"addedTags\":[],\"filledFields\":{\"phone\":\"" + source + "\"},"
                + "\"conflicts\":[{\"sourceId\":\"" + source + "\",\"field\":\"email\",\"survivorValue\":\"ann@x.co\","
                + "\"sourceValue\":\"bob@y.co\"}]}");
        NewAuditEvent e = event("customer.events", "io.fieldsales.customer.merged.v1", survivor, data);
        var values = PersonalDataCatalog.locate(e, data.deepCopy());
        assertThat(values).extracting(v -> v.field() + "=" + v.subject()).containsExactlyInAnyOrder(
                "name=customer:" + survivor, "email=customer:" + survivor, "address=customer:" + survivor,
                "value=customer:" + source, "survivorValue=customer:" + survivor, "sourceValue=customer:" + source);
    }

    @Test
    void erasingACustomerShredsTheCustomersMergedIntoIt() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        NewAuditEvent erased = event("customer.events", EventTypes.CUSTOMER_ERASED, a, json.readTree(
                "{\"customerId\":\"" + a + "\",\"alsoErased\":[\"" + b + "\"],\"version\":3}"));
        assertThat(ErasedSubjects.of(erased)).containsExactlyInAnyOrder("customer:" + a, "customer:" + b);
        assertThat(ErasedSubjects.of(event("customer.events", "io.fieldsales.customer.deleted.v1", a,
                json.readTree("{\"customerId\":\"" + a + "\"}")))).isEmpty();
    }

    @Test
    void everyTopicHasOneOwningSource() {
        assertThat(EventTypes.ownedBy("customer.events", "customer-service")).isTrue();
        assertThat(EventTypes.ownedBy("customer.events", "order-service")).isFalse();
        assertThat(EventTypes.ownedBy("order.events", "order-service")).isTrue();
        assertThat(EventTypes.ownedBy("cash.events", "cash-service")).isTrue();
        assertThat(EventTypes.ownedBy("security.events", "gateway")).isTrue();
        assertThat(EventTypes.ownedBy("security.events", null)).isFalse();
        assertThat(EventTypes.ownedBy("other.events", "gateway")).isFalse();
    }
}
