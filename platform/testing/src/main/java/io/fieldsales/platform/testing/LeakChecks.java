package io.fieldsales.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The observability checks every service runs (its {@code ObservabilityTest}): no secret or personal data in a
 * log line at INFO or DEBUG nor in a span attribute, and bounded metric labels.
 */
public final class LeakChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LeakChecks() {
    }

    /**
     * Drives the service with fresh marked values once while capturing at INFO and once at DEBUG, asserting that
     * the logs of each round carry none of them, then that no finished span does.
     */
    public static void assertNothingLeaks(InMemorySpanExporter spans, String token, Consumer<MarkedValues> drive) {
        MarkedValues info = MarkedValues.fresh(token);
        try (LogCapture logs = LogCapture.atInfo()) {
            capturing(logs);
            drive.accept(info);
            assertThat(logs.linesCarrying(info.all())).as("log lines (INFO) carrying marked values").isEmpty();
        }
        MarkedValues debug = MarkedValues.fresh(token);
        try (LogCapture logs = LogCapture.atDebug()) {
            capturing(logs);
            drive.accept(debug);
            assertThat(logs.lines().size()).as("DEBUG adds lines").isGreaterThan(1);
            assertThat(logs.linesCarrying(debug.all())).as("log lines (DEBUG) carrying marked values").isEmpty();
        }
        TestSpans.await(spans, "some finished span", s -> true);
        assertThat(TestSpans.attributesCarrying(spans.getFinishedSpanItems(), info.all())).isEmpty();
        assertThat(TestSpans.attributesCarrying(spans.getFinishedSpanItems(), debug.all())).isEmpty();
    }

    /** Proves the capture sees what the service logs (a quiet service may log nothing at INFO). */
    private static void capturing(LogCapture logs) {
        String probe = "leak-check-probe-" + System.nanoTime();
        org.jboss.logging.Logger.getLogger("io.fieldsales.leakcheck").info(probe);
        assertThat(logs.lines()).as("the capture sees the service's log").anyMatch(l -> l.contains(probe));
    }

    /** The Prometheus scrape of a management interface ({@code @TestHTTPResource(value = "/", management = true)}). */
    public static String scrape(URL management) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(management.toString())
                    .resolve("/q/metrics")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET /q/metrics").isEqualTo(200);
            return r.body();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot scrape " + management, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Scrapes and asserts every label is bounded; returns the scrape for further assertions. */
    public static String assertBoundedLabels(URL management) {
        String scrape = scrape(management);
        assertThat(MetricLabels.unbounded(scrape)).as("unbounded metric labels").isEmpty();
        return scrape;
    }
}
