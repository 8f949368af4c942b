package io.fieldsales.cash;

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

/**
 * Publishes order-service events on {@code order.events} as its outbox relay does (CloudEvents binary mode), in the
 * shape agreed with order-service (docs/events/asyncapi.yaml).
 */
public final class OrderEvents implements AutoCloseable {

    public static final String DELIVERED = "io.fieldsales.order.order.delivered.v1";
    public static final String REFUND_ISSUED = "io.fieldsales.order.refund.issued.v1";

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1));

    public static String delivered(UUID orderId, UUID customerId, String repId, String amountDue, String currency,
            String terms) {
        return "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customerId + "\",\"repId\":\"" + repId
                + "\",\"location\":\"Depot North\",\"amountDue\":" + amountDue + ",\"currency\":\"" + currency
                + "\",\"paymentTerms\":\"" + terms + "\",\"lines\":[{\"productId\":\"" + UUID.randomUUID()
                + "\",\"quantity\":1,\"lineTotal\":" + amountDue + "}]}";
    }

    public static String refund(UUID refundId, UUID orderId, UUID customerId, String repId, String method,
            String amount, String currency) {
        return "{\"refundId\":\"" + refundId + "\",\"creditNoteId\":\"" + UUID.randomUUID() + "\",\"orderId\":\""
                + orderId + "\",\"customerId\":\"" + customerId + "\",\"repId\":\"" + repId + "\",\"method\":\""
                + method + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}";
    }

    /** Sends an event with the given id (send it twice to play a redelivery). */
    public void send(UUID eventId, UUID tenant, String type, String subject, String data) {
        ProducerRecord<String, String> r = new ProducerRecord<>("order.events", subject, data);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", eventId.toString());
        header(r, "ce_type", type);
        header(r, "ce_source", "order-service");
        header(r, "ce_subject", subject);
        header(r, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(r, "content-type", "application/json");
        header(r, "ce_tenantid", tenant.toString());
        try {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
