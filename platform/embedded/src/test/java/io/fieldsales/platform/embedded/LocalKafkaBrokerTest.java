package io.fieldsales.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsAndCommittedOffsetsSurviveARestartOnTheSamePortsAndThePortsAreFreedOnClose() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        String topic = "local.events";
        try (LocalKafkaBroker kafka = LocalKafkaBroker.start(port, controllerPort, dataDir)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            EmbeddedKafkaBroker.createTopics(kafka.bootstrapServers(), List.of(topic), 2);
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                producer.send(new ProducerRecord<>(topic, "k", "first")).get();
                producer.send(new ProducerRecord<>(topic, "k", "second")).get();
            }
            try (KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers())) {
                assertThat(pollValues(consumer, topic, 1)).startsWith("first");
                consumer.commitSync();
            }
        }
        assertThat(isFree(port)).as("client port freed").isTrue();
        assertThat(isFree(controllerPort)).as("controller port freed").isTrue();
        assertThat(Files.list(dataDir.resolve("log")).count()).isPositive();

        try (LocalKafkaBroker kafka = LocalKafkaBroker.start(port, controllerPort, dataDir);
             KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers())) {
            // The same group resumes after its committed offset: the log and the offsets were kept.
            List<String> values = pollValues(consumer, topic, 1);
            assertThat(values).doesNotContain("first").contains("second");
        }
    }

    private static List<String> pollValues(KafkaConsumer<String, String> consumer, String topic, int atLeast) {
        consumer.subscribe(List.of(topic));
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (values.size() < atLeast && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                values.add(r.value());
            }
        }
        return values;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-group",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
