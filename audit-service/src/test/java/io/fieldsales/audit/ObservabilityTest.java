package io.fieldsales.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.platform.testing.LogCapture;
import io.fieldsales.platform.testing.MarkedValues;
import io.fieldsales.platform.testing.MetricLabels;
import io.fieldsales.platform.testing.TestSpans;
import io.fieldsales.platform.testing.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit consumer continues the trace of the event it stores (the W3C traceparent header the relay wrote);
 * logs, spans and labels carry no secret and no personal data; the chain verification and event path metrics
 * are exported.
 */
@QuarkusTest
class ObservabilityTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    InMemorySpanExporter spans;

    private final UUID tenant = UUID.randomUUID();
    private final String auditor = TestTokens.forTenant(tenant).user("aud-1").roles("auditor").mint();

    private Map<String, String> event(UUID customer, String traceparent) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_specversion", "1.0");
        h.put("ce_id", UUID.randomUUID().toString());
        h.put("ce_type", "io.fieldsales.customer.created.v1");
        h.put("ce_source", "customer-service");
        h.put("ce_subject", customer.toString());
        h.put("ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        h.put("content-type", "application/json");
        h.put("ce_tenantid", tenant.toString());
        h.put("ce_actorid", "rep-1");
        h.put("traceparent", traceparent);
        return h;
    }

    @Test
    void storingAnEventContinuesTheTraceOfTheWriteThatCausedIt() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String writerSpan = "00f067aa0ba902b7";
        UUID customer = UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            events.sendRaw("customer.events", customer.toString(), "{\"id\":\"" + customer + "\",\"name\":\"x\"}",
                    event(customer, "00-" + traceId + "-" + writerSpan + "-01"));
        }
        SpanData consumer = TestSpans.await(spans, "the audit consumer's span", TestSpans.inTrace(traceId)
                .and(TestSpans.ofKind(SpanKind.CONSUMER)));
        assertThat(consumer.getParentSpanId()).isEqualTo(writerSpan);
        TestSpans.await(spans, "the trail's database write in the same trace", TestSpans.inTrace(traceId)
                .and(TestSpans.database()));
    }

    @Test
    void noSecretOrPersonalDataReachesTheLogsAtInfoOrDebugOrASpan() {
        for (boolean debug : new boolean[] {false, true}) {
            MarkedValues m = MarkedValues.fresh(auditor);
            UUID customer = UUID.randomUUID();
            String traceId = UUID.randomUUID().toString().replace("-", "");
            try (LogCapture logs = debug ? LogCapture.atDebug() : LogCapture.atInfo();
                    TestEvents events = new TestEvents()) {
                events.sendRaw("customer.events", customer.toString(), "{\"id\":\"" + customer + "\",\"name\":\""
                        + m.name() + "\",\"email\":\"" + m.email() + "\",\"phone\":\"" + m.phone() + "\"}",
                        event(customer, "00-" + traceId + "-00f067aa0ba902b7-01"));
                events.sendRaw("customer.events", customer.toString(), "{\"name\":\"" + m.name() + "\"", // poison
                        event(customer, "00-" + traceId + "-00f067aa0ba902b8-01"));
                TestSpans.await(spans, "the consumer's spans", TestSpans.inTrace(traceId)
                        .and(TestSpans.ofKind(SpanKind.CONSUMER)));
                given().auth().oauth2(auditor).queryParam("entityId", m.email()).get("/api/v1/audit/events")
                        .then().statusCode(200);
                given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200);
                given().auth().oauth2(m.password()).get("/api/v1/audit/events").then().statusCode(401);
                assertThat(logs.linesCarrying(m.all())).isEmpty();
            }
            assertThat(TestSpans.attributesCarrying(spans.getFinishedSpanItems(), m.all())).isEmpty();
        }
    }

    @Test
    void everyMetricLabelIsBoundedAndTheAuditMetricsAreExported() {
        given().auth().oauth2(auditor).get("/api/v1/audit/verify").then().statusCode(200);
        UUID customer = UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            events.sendRaw("customer.events", customer.toString(), "{\"id\":\"" + customer + "\"}",
                    event(customer, "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01"));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> io.fieldsales.platform.testing.LeakChecks.scrape(management)
                .contains("fieldsales_event_delivery_seconds_bucket{"));
        String scrape = io.fieldsales.platform.testing.LeakChecks.scrape(management);
        assertThat(MetricLabels.unbounded(scrape)).isEmpty();
        assertThat(MetricLabels.valueSets(scrape).get("fieldsales_audit_chain_verifications_total{result}"))
                .contains("valid");
        assertThat(MetricLabels.valueSets(scrape).get("fieldsales_event_delivery_seconds_bucket{topic}"))
                .contains("customer.events");
        assertThat(MetricLabels.valueSets(scrape).get("fieldsales_dlq_messages{topic}")).contains("audit.dlq");
        assertThat(MetricLabels.valueSets(scrape).get("fieldsales_kafka_consumer_lag{topic}"))
                .contains("customer.events", "order.events", "cash.events", "security.events");
    }
}
