package io.fieldsales.gateway;

import static io.fieldsales.gateway.support.Api.anonymous;
import static io.fieldsales.gateway.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.gateway.support.Api;
import io.fieldsales.gateway.support.FakeUpstream;
import io.fieldsales.platform.testing.LogCapture;
import io.fieldsales.platform.testing.MarkedValues;
import io.fieldsales.platform.testing.MetricLabels;
import io.fieldsales.platform.testing.TestSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway continues the caller's trace and hands its own span to the upstream (W3C traceparent), writes an
 * access log line per request without raw paths or query strings, and keeps secrets and personal data out of its
 * logs, spans and metric labels; proxied routes are measured by template.
 */
@QuarkusTest
class ObservabilityTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    InMemorySpanExporter spans;

    private static String token;

    private static synchronized String token() {
        if (token == null) {
            token = Api.newTenant().adminToken();
        }
        return token;
    }

    @Test
    void theUpstreamSeesTheGatewaysTraceAndItsOwnSpanAsParent() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        try (FakeUpstream customer = FakeUpstream.start("customer")) {
            as(token()).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(200);
            String forwarded = customer.lastHeaders().get("traceparent");
            assertThat(forwarded).as("one traceparent at the upstream, the gateway's").startsWith("00-" + traceId + "-")
                    .doesNotContain(callerSpan).doesNotContain(",");
            String parentAtUpstream = forwarded.split("-")[2];
            SpanData server = TestSpans.await(spans, "the gateway's server span", TestSpans.inTrace(traceId)
                    .and(TestSpans.ofKind(SpanKind.SERVER)));
            assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
            assertThat(server.getName()).isEqualTo("GET /api/v1/customers/**");
            assertThat(server.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                    "fieldsales.route.template"))).isEqualTo("/api/v1/customers/{id}");
            SpanData client = TestSpans.await(spans, "the proxy hop's client span", TestSpans.inTrace(traceId)
                    .and(TestSpans.ofKind(SpanKind.CLIENT)));
            assertThat(client.getSpanId()).isEqualTo(parentAtUpstream);
            assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
        }
    }

    @Test
    void accessLogLinesHoldTheRouteTemplateNeverThePathOrQuery() throws Exception {
        UUID customerId = UUID.randomUUID();
        MarkedValues m = MarkedValues.fresh(token());
        try (FakeUpstream customer = FakeUpstream.start("customer"); LogCapture logs = LogCapture.atInfo()) {
            as(token()).queryParam("q", m.email()).get("/api/v1/customers/" + customerId + "/contacts")
                    .then().statusCode(200);
            // the line is written when the response has ended, which may be just after the client has read it
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(logs.lines()).anyMatch(l -> l.contains("io.fieldsales.gateway.access")
                            && l.contains("GET /api/v1/customers/{id}/contacts 200") && l.contains("tenant=")
                            && l.contains("ip=") && l.contains("ms ") && l.matches(".*\\d+B .*")));
            assertThat(logs.lines()).noneMatch(l -> l.contains(customerId.toString()) || l.contains("q="));
            assertThat(logs.linesCarrying(m.all())).isEmpty();
        }
    }

    private void drive(MarkedValues m) throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String admin = tenant.adminToken();
        String username = m.email();
        as(admin).body(Map.of("username", username, "password", m.password(), "roles", java.util.List.of("sales_rep")))
                .post("/api/v1/users").then().statusCode(201);
        anonymous().body(Map.of("tenant", tenant.slug(), "username", username, "password", m.password()))
                .post("/api/v1/auth/login").then().statusCode(200);
        anonymous().body(Map.of("tenant", tenant.slug(), "username", username, "password", m.password() + "-wrong"))
                .post("/api/v1/auth/login").then().statusCode(401);
        anonymous().body(Map.of("tenant", tenant.slug(), "username", m.phone(), "password", m.password()))
                .post("/api/v1/auth/login").then().statusCode(401);
        given().auth().oauth2(m.token()).get("/api/v1/auth/me").then().statusCode(200);
        given().auth().oauth2(m.password()).get("/api/v1/auth/me").then().statusCode(401);
        try (FakeUpstream customer = FakeUpstream.start("customer")) {
            as(m.token()).queryParam("email", m.email()).queryParam("phone", m.phone())
                    .get("/api/v1/customers").then().statusCode(200);
            as(m.token()).contentType("application/json").body(Map.of("name", m.name(), "email", m.email()))
                    .post("/api/v1/customers").then().statusCode(200);
        }
    }

    @Test
    void noSecretOrPersonalDataReachesTheLogsAtInfoOrDebugOrASpan() throws Exception {
        MarkedValues info = MarkedValues.fresh(token());
        try (LogCapture logs = LogCapture.atInfo()) {
            drive(info);
            assertThat(logs.linesCarrying(info.all())).isEmpty();
        }
        MarkedValues debug = MarkedValues.fresh(token());
        try (LogCapture logs = LogCapture.atDebug()) {
            drive(debug);
            assertThat(logs.linesCarrying(debug.all())).isEmpty();
        }
        TestSpans.await(spans, "a proxied request's span", s -> s.getName().equals("POST /api/v1/customers/**"));
        assertThat(TestSpans.attributesCarrying(spans.getFinishedSpanItems(), info.all())).isEmpty();
        assertThat(TestSpans.attributesCarrying(spans.getFinishedSpanItems(), debug.all())).isEmpty();
    }

    @Test
    void everyMetricLabelIsBoundedAndProxiedRoutesAreMeasuredByTemplate() throws Exception {
        try (FakeUpstream customer = FakeUpstream.start("customer")) {
            for (int i = 0; i < 30; i++) {
                as(token()).get("/api/v1/customers/" + UUID.randomUUID() + "?email=x" + i + "@example.com")
                        .then().statusCode(200);
            }
        }
        String scrape = io.fieldsales.platform.testing.LeakChecks.assertBoundedLabels(management);
        assertThat(MetricLabels.valueSets(scrape).get("http_server_requests_seconds_bucket{uri}"))
                .contains("/api/v1/customers/{id}");
        assertThat(MetricLabels.valueSets(scrape).get("fieldsales_circuit_breaker_open{name}"))
                .contains("customer", "order", "cash", "audit");
    }
}
