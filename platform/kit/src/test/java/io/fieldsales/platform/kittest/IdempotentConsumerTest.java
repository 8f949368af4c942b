package io.fieldsales.platform.kittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fieldsales.platform.testing.SharedInfra;
import io.fieldsales.platform.testing.TestDatabase;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentConsumerTest {

    private static final String TOPIC = "kit.test.events";
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    private void send(UUID eventId, String value, boolean withCloudEventHeaders) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, "k", value);
        if (withCloudEventHeaders) {
            record.headers().add("ce_specversion", bytes("1.0"));
            record.headers().add("ce_id", bytes(eventId.toString()));
            record.headers().add("ce_type", bytes("io.fieldsales.kit.widget.created.v1"));
            record.headers().add("ce_source", bytes("test"));
            record.headers().add("ce_tenantid", bytes(UUID.randomUUID().toString()));
            record.headers().add("content-type", bytes("application/json"));
        }
        producer.send(record).get();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long effects(String note) throws Exception {
        return TestDatabase.count("select count(*) from consumed_effect where note = ?", note);
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() throws Exception {
        UUID eventId = UUID.randomUUID();
        String note = "once-" + eventId;
        send(eventId, "{\"note\":\"" + note + "\"}", true);
        send(eventId, "{\"note\":\"" + note + "\"}", true);
        String marker = "marker-" + UUID.randomUUID();
        send(UUID.randomUUID(), "{\"note\":\"" + marker + "\"}", true);
        // The marker was sent after both copies on the same partition: once it is applied, both were consumed.
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker) == 1);
        assertThat(effects(note)).isEqualTo(1);
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffAndAppliedOnce() throws Exception {
        String note = "flaky-" + UUID.randomUUID();
        send(UUID.randomUUID(), "{\"note\":\"" + note + "\"}", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(note) == 1);
        try (TopicProbe dlq = TopicProbe.on(TOPIC + ".dlq")) {
            assertThat(dlq.drain(r -> r.value().contains(note), Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterTopicWithItsReasonAndTheConsumerGoesOn() throws Exception {
        String poisonBody = "{not json at all " + UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        send(poisonId, poisonBody, true);
        String noHeaders = "{\"note\":\"headless-" + UUID.randomUUID() + "\"}";
        send(null, noHeaders, false);
        String after = "after-poison-" + UUID.randomUUID();
        send(UUID.randomUUID(), "{\"note\":\"" + after + "\"}", true);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(after) == 1);
        try (TopicProbe dlq = TopicProbe.on(TOPIC + ".dlq")) {
            List<ConsumerRecord<String, String>> dead = dlq.await(
                    r -> poisonBody.equals(r.value()) || noHeaders.equals(r.value()), 2, Duration.ofSeconds(30));
            assertThat(dead).hasSize(2);
            for (ConsumerRecord<String, String> r : dead) {
                assertThat(TopicProbe.header(r, "dead-letter-reason")).isNotBlank();
                assertThat(TopicProbe.header(r, "dead-letter-topic")).isEqualTo(TOPIC);
            }
            ConsumerRecord<String, String> broken = dead.stream().filter(r -> poisonBody.equals(r.value()))
                    .findFirst().orElseThrow();
            assertThat(TopicProbe.header(broken, "dead-letter-reason")).contains("not valid JSON");
            ConsumerRecord<String, String> headless = dead.stream().filter(r -> noHeaders.equals(r.value()))
                    .findFirst().orElseThrow();
            assertThat(TopicProbe.header(headless, "dead-letter-reason")).contains("not a CloudEvent");
        }
    }
}
