package io.fieldsales.cash.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.cash.TenantFixture;
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
 * Logs, spans and metric labels carry no secret and no personal data; labels are bounded; the business metrics
 * (variance by tier, unconfirmed deposits by age) are exported.
 */
@QuarkusTest
class ObservabilityTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    InMemorySpanExporter spans;

    private final TenantFixture t = new TenantFixture();

    /** A session with a finance-tier shortage (default policy: above 50.00), its payout reason full of marks. */
    private void drive(MarkedValues m) {
        String session = t.open("0");
        t.collect(session, "200.00", "CASH").statusCode(201);
        t.payout(session, "10.00", "paid " + m.name() + " " + m.email() + " " + m.phone()).statusCode(201);
        t.close(session, "80.00").statusCode(200);
        t.asRep().body("{\"openingFloat\":\"" + m.email() + "\",\"currency\":\"ZAR\"}")
                .post("/api/v1/cash-sessions").then().statusCode(400);
        given().auth().oauth2(m.password()).get("/api/v1/cash-sessions/" + session).then().statusCode(401);
    }

    @Test
    void noSecretOrPersonalDataReachesTheLogsAtInfoOrDebugOrASpan() {
        LeakChecks.assertNothingLeaks(spans, t.token("sales_rep"), this::drive);
    }

    @Test
    void everyMetricLabelIsBoundedAndTheBusinessMetricsAreExported() {
        drive(MarkedValues.fresh(t.token("sales_rep")));
        String scrape = LeakChecks.assertBoundedLabels(management);
        assertThat(MetricLabels.valueSets(scrape).get("fieldsales_cash_variance_count{tier}"))
                .contains("AUTO", "SUPERVISOR", "FINANCE");
        assertThat(MetricLabels.valueSets(scrape).get("fieldsales_cash_deposits_unconfirmed{age}"))
                .containsExactlyInAnyOrder("within_limit", "past_limit");
        assertThat(scrape).containsPattern("fieldsales_cash_variance_count\\{tier=\"FINANCE\"[^}]*} [1-9]");
        assertThat(MetricLabels.names(scrape)).as("database pool usage").contains("sql_pool_active",
                "sql_pool_queue_size");
        assertThat(MetricLabels.names(scrape)).contains("fieldsales_outbox_oldest_pending_age_seconds",
                "fieldsales_kafka_consumer_lag", "fieldsales_dlq_messages");
    }
}
