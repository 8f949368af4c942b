package io.fieldsales.audit;

import io.fieldsales.platform.testing.SharedInfra;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents (binary mode) the way the other services' outbox relays do. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1));

    /** Sends one event and returns its ce_id. */
    public UUID send(String topic, UUID tenant, String type, String subject, String actor, String requestId, String data) {
        UUID id = UUID.randomUUID();
        send(topic, null, id, tenant, type, subject, actor, requestId, data);
        return id;
    }

    public void send(String topic, Integer partition, UUID id, UUID tenant, String type, String subject, String actor,
            String requestId, String data) {
        sendFrom(OWNERS.get(topic), topic, partition, id, tenant, type, subject, actor, requestId, data);
    }

    /**
     * The service that owns each topic, as its outbox writes {@code ce_source} (its quarkus.application.name); the
     * trail rejects any other source on the topic.
     */
    public static final Map<String, String> OWNERS = Map.of("customer.events", "customer-service",
            "order.events", "order-service", "cash.events", "cash-service", "security.events", "gateway");

    /** Sends one event with an explicit {@code ce_source} (null: none). */
    public void sendFrom(String source, String topic, Integer partition, UUID id, UUID tenant, String type,
            String subject, String actor, String requestId, String data) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, partition, subject, data);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", id.toString());
        header(r, "ce_type", type);
        header(r, "ce_source", source);
        header(r, "ce_subject", subject);
        header(r, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(r, "content-type", "application/json");
        header(r, "ce_tenantid", tenant == null ? null : tenant.toString());
        header(r, "ce_actorid", actor);
        header(r, "ce_requestid", requestId);
        try {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a raw record with the given headers only (for poison tests). */
    public void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> header(r, k, v));
        try {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        if (value != null) {
            r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
