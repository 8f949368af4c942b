package io.fieldsales.platform.kittest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.TestTokens;
import io.fieldsales.platform.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Prints how long events take from their transaction to Kafka (the producer's record timestamp minus the event's
 * ce_time, which is the transaction's start). Figures, not assertions: they depend on the machine.
 */
@QuarkusTest
class OutboxLatencyBenchmarkTest {

    @Test
    void printsCommitToKafkaLatency() {
        UUID tenant = UUID.randomUUID();
        String token = TestTokens.forTenant(tenant).roles("writer").mint();
        int n = 200;
        try (TopicProbe probe = TopicProbe.on("widget.events")) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"b" + i + "\"}")
                        .post("/api/v1/widgets").then().statusCode(201);
            }
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            List<ConsumerRecord<String, String>> records = probe.await(
                    TopicProbe.withHeader("ce_tenantid", tenant.toString()), n, Duration.ofSeconds(60));
            assertThat(records).hasSize(n);
            long[] millis = records.stream().mapToLong(r -> r.timestamp()
                    - OffsetDateTime.parse(TopicProbe.header(r, "ce_time")).toInstant().toEpochMilli()).sorted().toArray();
            System.out.printf("BENCHMARK outbox: %d sequential creates in %.2f s (%.0f/s); transaction start -> Kafka:"
                            + " p50 %d ms, p95 %d ms, max %d ms%n", n, writeSeconds, n / writeSeconds,
                    millis[n / 2], millis[(int) (n * 0.95)], millis[n - 1]);
        }
    }
}
