package io.fieldsales.platform.kittest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.TestSpans;
import io.fieldsales.platform.testing.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One trace from a request through its transaction, the outbox relay and Kafka to a consumer, and no personal data
 * in any span attribute.
 */
@QuarkusTest
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    private final UUID tenant = UUID.randomUUID();
    private final String token = TestTokens.forTenant(tenant).user("user-" + UUID.randomUUID()).roles("writer").mint();

    @Test
    void aWriteAndTheConsumerOfItsEventShareOneTrace() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = given().auth().oauth2(token).contentType("application/json")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .body("{\"name\":\"traced\"}").post("/api/v1/widgets")
                .then().statusCode(201).extract().path("id");

        SpanData server = TestSpans.await(spans, "server span", TestSpans.inTrace(traceId)
                .and(TestSpans.ofKind(SpanKind.SERVER)));
        assertThat(server.getParentSpanId()).isEqualTo("b7ad6b7169203331");
        TestSpans.await(spans, "database span in the request's trace", TestSpans.inTrace(traceId)
                .and(TestSpans.database()));
        SpanData producer = TestSpans.await(spans, "the relay's producer span", TestSpans.inTrace(traceId)
                .and(TestSpans.ofKind(SpanKind.PRODUCER)));
        SpanData consumer = TestSpans.await(spans, "the consumer's span", TestSpans.inTrace(traceId)
                .and(TestSpans.ofKind(SpanKind.CONSUMER)));
        assertThat(producer.getName()).contains("widget.events");
        assertThat(consumer.getName()).contains("widget.events");
        assertThat(id).isNotBlank();
    }

    @Test
    void noSpanAttributeCarriesATokenOrPersonalData() {
        String email = "marked." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String phone = "+4917612" + (100000 + (int) (Math.random() * 800000));
        String name = "Markedname" + UUID.randomUUID().toString().substring(0, 6);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        given().auth().oauth2(token).contentType("application/json")
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .queryParam("email", email).queryParam("phone", phone)
                .body("{\"name\":\"" + name + "\"}").post("/api/v1/widgets")
                .then().statusCode(201);
        given().auth().oauth2(token).header("traceparent", "00-" + traceId + "-b7ad6b7169203332-01")
                .queryParam("q", email).get("/api/v1/widgets/search?limit=5&phone=" + phone.replace("+", "%2B"))
                .then().statusCode(200);
        TestSpans.await(spans, "the consumer's span", TestSpans.inTrace(traceId)
                .and(TestSpans.ofKind(SpanKind.CONSUMER)));

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).anyMatch(TestSpans.inTrace(traceId).and(TestSpans.ofKind(SpanKind.SERVER)));
        assertThat(TestSpans.attributesCarrying(finished, List.of(email, phone, name, token,
                token.substring(token.lastIndexOf('.') + 1)))).isEmpty();
    }
}
