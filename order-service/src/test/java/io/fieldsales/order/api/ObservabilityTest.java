package io.fieldsales.order.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.order.TenantFixture;
import io.fieldsales.platform.testing.LeakChecks;
import io.fieldsales.platform.testing.MarkedValues;
import io.fieldsales.platform.testing.MetricLabels;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Logs, spans and metric labels carry no secret and no personal data; labels are bounded; the business metrics
 * (stock reservation failures, pending approvals) and the breaker to customer-service are exported.
 */
@QuarkusTest
class ObservabilityTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    InMemorySpanExporter spans;

    private final TenantFixture t = new TenantFixture();

    private void drive(MarkedValues m) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        t.asAdmin().body("{\"sku\":\"" + sku + "\",\"name\":\"" + m.name() + "\",\"unitPrice\":10.00"
                + ",\"currency\":\"ZAR\",\"taxRate\":0.15,\"tags\":[\"drinks\"]}")
                .post("/api/v1/products").then().statusCode(201);
        t.asAdmin().body("{\"location\":\"main\",\"sku\":\"" + sku + "\",\"delta\":5,\"reason\":\"from " + m.name()
                + " " + m.email() + " " + m.phone() + "\"}").post("/api/v1/stock/adjustments").then().statusCode(201);
        UUID customer = t.customer();
        t.order(customer, "main", TenantFixture.line(sku, 2));
        t.createOrder(customer, "main", TenantFixture.line(sku, 50)).statusCode(409); // insufficient stock
        t.asRep().body("{\"customerId\":\"" + m.email() + "\",\"location\":\"main\",\"lines\":[]}")
                .post("/api/v1/orders").then().statusCode(400);
        t.asRep().queryParam("rep", m.email()).get("/api/v1/orders").then().statusCode(200);
        given().auth().oauth2(m.password()).get("/api/v1/orders").then().statusCode(401);
    }

    @Test
    void noSecretOrPersonalDataReachesTheLogsAtInfoOrDebugOrASpan() {
        LeakChecks.assertNothingLeaks(spans, t.token("admin"), this::drive);
    }

    @Test
    void everyMetricLabelIsBoundedAndTheBusinessMetricsAreExported() {
        for (int i = 0; i < 2; i++) {
            drive(MarkedValues.fresh(t.token("admin")));
        }
        String scrape = LeakChecks.assertBoundedLabels(management);
        assertThat(MetricLabels.valueSets(scrape).get("http_server_requests_seconds_bucket{uri}"))
                .contains("/api/v1/orders");
        assertThat(MetricLabels.names(scrape)).contains("fieldsales_orders_stock_reservation_failures_total",
                "fieldsales_orders_approvals_pending", "fieldsales_outbox_oldest_pending_age_seconds",
                "fieldsales_kafka_consumer_lag", "fieldsales_dlq_messages");
        assertThat(MetricLabels.valueSets(scrape).get("fieldsales_circuit_breaker_open{name}"))
                .containsExactly("customer-service");
        assertThat(scrape).containsPattern("fieldsales_orders_stock_reservation_failures_total(\\{[^}]*})? [1-9]");
    }
}
