package io.fieldsales.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfraTest {

    @Test
    void postgresCreatesADatabaseOwnedByItsServiceRoleAndServesIt() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0, null)) {
            pg.ensureDatabase("customers", "customer_svc", "s3cret'pw");
            pg.ensureDatabase("customers", "customer_svc", "s3cret'pw"); // idempotent
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("customers"), "customer_svc", "s3cret'pw");
                 ResultSet rs = c.createStatement().executeQuery("select current_user, version()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("customer_svc");
                assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
            }
        }
    }

    @Test
    void kafkaDeliversToAConsumerGroupThroughTheProxyAndSurvivesAnOutage() throws Exception {
        try (TcpProxy proxy = TcpProxy.open();
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(proxy.port(), null)) {
            proxy.forwardTo(Integer.parseInt(kafka.listenerAddress().replaceAll(".*:", "")));
            String bootstrap = "127.0.0.1:" + proxy.port();
            String topic = "t-" + UUID.randomUUID();
            kafka.createTopics(List.of(topic), 2);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
                 KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                producer.send(new ProducerRecord<>(topic, "k", "before")).get();
                proxy.cutOff();
                proxy.restore();
                producer.send(new ProducerRecord<>(topic, "k", "after")).get();
                consumer.subscribe(List.of(topic));
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.size() < 2 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        values.add(r.value());
                    }
                }
                assertThat(values).containsExactly("before", "after");
            }
        }
    }
}
