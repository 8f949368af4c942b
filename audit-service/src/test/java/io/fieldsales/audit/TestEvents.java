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

    private final KafkaProducer<String, String> producer;
    private final boolean batched;
    private final java.util.List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> pending =
            new java.util.ArrayList<>();

    public TestEvents() {
        this(false);
    }

    private TestEvents(boolean batched) {
        this.batched = batched;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, batched ? 200 : 1,
                ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20));
    }

    /**
     * A publisher that does not wait for each record: records sent before {@link #flush()} travel together (one
     * produce request per partition), so a consumer most likely reads them in one poll, as one batch.
     */
    public static TestEvents batched() {
        return new TestEvents(true);
    }

    /** Sends what is pending and returns each record's offset, in sending order. */
    public java.util.List<Long> flush() {
        producer.flush();
        java.util.List<Long> offsets = new java.util.ArrayList<>();
        for (var f : pending) {
            try {
                offsets.add(f.get().offset());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        pending.clear();
        return offsets;
    }

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
        send(r);
    }

    private void send(ProducerRecord<String, String> r) {
        if (batched) {
            pending.add(producer.send(r));
            return;
        }
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
        send(r);
    }

    /** Sends a raw record to one partition (for poison tests within a batch). */
    public void sendRaw(String topic, int partition, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, partition, key, value);
        headers.forEach((k, v) -> header(r, k, v));
        send(r);
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        if (value != null) {
            r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        if (batched) {
            flush();
        }
        producer.close();
    }
}
