package io.fieldsales.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final UUID id = UUID.randomUUID();
    private final UUID tenant = UUID.randomUUID();

    private ConsumerRecord<String, String> record(String value, Map<String, String> headers) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>("customer.events", 0, 0L, "k", value);
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    @Test
    void readsEveryCloudEventAttributeAndExtension() {
        EventEnvelope e = EventEnvelope.parse(record("{\"a\":1}", Map.of("ce_id", id.toString(),
                "ce_type", "io.fieldsales.customer.created.v1", "ce_source", "customer-service",
                "ce_subject", "c-1", "ce_time", "2026-11-23T10:00:00Z", "ce_tenantid", tenant.toString(),
                "ce_actorid", "u-1", "ce_requestid", "r-1")), json, false);
        assertThat(e.id()).isEqualTo(id);
        assertThat(e.type()).isEqualTo("io.fieldsales.customer.created.v1");
        assertThat(e.source()).isEqualTo("customer-service");
        assertThat(e.subject()).isEqualTo("c-1");
        assertThat(e.tenantId()).isEqualTo(tenant);
        assertThat(e.actorId()).isEqualTo("u-1");
        assertThat(e.requestId()).isEqualTo("r-1");
        assertThat(e.time()).isNotNull();
        assertThat(e.topic()).isEqualTo("customer.events");
        assertThat(e.data().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void rejectsRecordsThatAreNotEventsOfOurs() {
        Map<String, String> ok = Map.of("ce_id", id.toString(), "ce_type", "t", "ce_tenantid", tenant.toString());
        assertPoison(record("{}", Map.of("ce_type", "t", "ce_tenantid", tenant.toString())), "ce_id");
        assertPoison(record("{}", Map.of("ce_id", "not-a-uuid", "ce_type", "t", "ce_tenantid", tenant.toString())),
                "not a UUID");
        assertPoison(record("{}", Map.of("ce_id", id.toString(), "ce_type", "t")), "no tenantid");
        assertPoison(record("{broken", ok), "not valid JSON");
        assertPoison(record("[1]", ok), "not a JSON object");
        assertPoison(record(null, ok), "not a JSON object");
        assertPoison(record("{}", Map.of("ce_id", id.toString(), "ce_type", "t", "ce_tenantid", tenant.toString(),
                "ce_time", "yesterday")), "ce_time");
    }

    @Test
    void tenantMayBeOptionalForPlatformLevelConsumers() {
        EventEnvelope e = EventEnvelope.parse(record("{}", Map.of("ce_id", id.toString(), "ce_type", "t")), json,
                true);
        assertThat(e.tenantId()).isNull();
    }

    private void assertPoison(ConsumerRecord<String, String> r, String reason) {
        assertThatThrownBy(() -> EventEnvelope.parse(r, json, false)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining(reason);
    }
}
