package io.fieldsales.customer.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.fieldsales.customer.TenantFixture;
import io.fieldsales.platform.testing.LeakChecks;
import io.fieldsales.platform.testing.MarkedValues;
import io.fieldsales.platform.testing.MetricLabels;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Logs, spans and metric labels carry no secret and no personal data, whatever the requests carry; every metric
 * label is bounded; the latency histogram is keyed by route template.
 */
@QuarkusTest
class ObservabilityTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    InMemorySpanExporter spans;

    private final TenantFixture t = new TenantFixture();

    private void drive(MarkedValues m) {
        String id = t.create(m.name(), m.email(), m.phone());
        t.createResponse(m.name() + " Twin", m.email(), null).statusCode(409); // duplicate contact
        t.asRep().queryParam("q", m.email()).get("/api/v1/customers").then().statusCode(200);
        t.asRep().queryParam("q", m.name()).get("/api/v1/customers").then().statusCode(200);
        t.asRep().get("/api/v1/customers/" + id).then().statusCode(200);
        t.asRep().body(TenantFixture.json(m.name(), m.email() + "-not-an-email", m.phone() + "x"))
                .post("/api/v1/customers").then().statusCode(greaterThanOrEqualTo(400)); // refused, whichever way
        t.asRep().body("{\"name\":\"" + m.name() + "\",\"email\":\"" + m.email() + "\"")  // malformed JSON
                .post("/api/v1/customers").then().statusCode(400);
        given().auth().oauth2(m.password()).get("/api/v1/customers/" + id).then().statusCode(401);
    }

    @Test
    void noSecretOrPersonalDataReachesTheLogsAtInfoOrDebugOrASpan() {
        LeakChecks.assertNothingLeaks(spans, t.token("sales_rep"), this::drive);
    }

    @Test
    void everyMetricLabelIsBoundedAndLatencyIsKeyedByRouteTemplate() {
        for (int i = 0; i < 3; i++) {
            drive(MarkedValues.fresh(t.token("sales_rep")));
        }
        String scrape = LeakChecks.assertBoundedLabels(management);
        assertThat(MetricLabels.valueSets(scrape).get("http_server_requests_seconds_bucket{uri}"))
                .contains("/api/v1/customers/{id}", "/api/v1/customers");
        assertThat(MetricLabels.names(scrape)).as("database pool usage").contains("sql_pool_active",
                "sql_pool_queue_size");
        assertThat(MetricLabels.names(scrape)).contains("fieldsales_outbox_pending",
                "fieldsales_outbox_oldest_pending_age_seconds", "fieldsales_customers_duplicates_detected_total");
    }
}
