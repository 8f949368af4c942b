package io.fieldsales.order;

import io.fieldsales.platform.testing.SharedInfra;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents (binary mode) as other services do, for the consumers under test. */
public final class EventsFixture {

    private EventsFixture() {
    }

    public static UUID publish(String topic, String type, UUID tenant, String key, String json) {
        UUID id = UUID.randomUUID();
        publish(topic, type, tenant, key, json, id);
        return id;
    }

    public static void publish(String topic, String type, UUID tenant, String key, String json, UUID eventId) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(topic, type, tenant, key, json, eventId)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A producer on the shared Kafka, for tests that publish many events. */
    public static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** One event as the other services' outbox relays publish it (CloudEvents binary mode). */
    public static ProducerRecord<String, String> record(String topic, String type, UUID tenant, String key,
            String json, UUID eventId) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, json);
        r.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        r.headers().add("ce_id", eventId.toString().getBytes(StandardCharsets.UTF_8));
        r.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        r.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        r.headers().add("ce_time", OffsetDateTime.now().toString().getBytes(StandardCharsets.UTF_8));
        if (tenant != null) {
            r.headers().add("ce_tenantid", tenant.toString().getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    /** customer-service's snapshot of a customer, as its created/updated/restored events carry it. */
    public static String snapshot(UUID id, String name, String status) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"tags\":[\"gold\"],\"status\":\"" + status
                + "\",\"mergedInto\":null,\"version\":1}";
    }
}
