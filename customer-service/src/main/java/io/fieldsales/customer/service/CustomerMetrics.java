package io.fieldsales.customer.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Business counters (Prometheus names {@code fieldsales_customers_*_total}). Request latency histograms come from
 * Quarkus's HTTP server metrics ({@code http_server_requests_seconds}).
 */
@ApplicationScoped
public class CustomerMetrics {

    /** Where a customer was created or a duplicate contact detected. */
    public enum Path {
        CREATE("create"), FIND_OR_CREATE("find-or-create"), IMPORT("import");

        final String tag;

        Path(String tag) {
            this.tag = tag;
        }
    }

    @Inject
    MeterRegistry registry;

    /** Every series exists from the start (at 0): an alert or a rate over a series that is missing is no zero. */
    void start(@Observes StartupEvent event) {
        for (Path path : Path.values()) {
            created(path, 0);
            Counter.builder("fieldsales.customers.duplicates.detected")
                    .description("Writes that found their contact already owned by another customer")
                    .tag("path", path.tag).register(registry);
        }
        Counter.builder("fieldsales.customers.merges").description("Merge operations").register(registry);
        Counter.builder("fieldsales.customers.merged").description("Customers folded into a survivor")
                .register(registry);
    }

    public void created(Path path, int count) {
        Counter.builder("fieldsales.customers.created").description("Customers created")
                .tag("path", path.tag).register(registry).increment(count);
    }

    public void duplicateDetected(Path path) {
        Counter.builder("fieldsales.customers.duplicates.detected")
                .description("Writes that found their contact already owned by another customer")
                .tag("path", path.tag).register(registry).increment();
    }

    public void merged(int sources) {
        Counter.builder("fieldsales.customers.merges").description("Merge operations").register(registry).increment();
        Counter.builder("fieldsales.customers.merged").description("Customers folded into a survivor")
                .register(registry).increment(sources);
    }

    public void patchConflict() {
        Counter.builder("fieldsales.customers.patch.conflicts")
                .description("PATCHes refused because their If-Match version was stale").register(registry).increment();
    }
}
