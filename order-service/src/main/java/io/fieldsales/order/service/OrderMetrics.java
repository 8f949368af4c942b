package io.fieldsales.order.service;

import io.fieldsales.order.repository.ApprovalRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Business metrics of order-service (Prometheus names): {@code fieldsales_orders_stock_reservation_failures_total}
 * (orders or edits refused with insufficient_stock) and {@code fieldsales_orders_approvals_pending} (approvals
 * waiting for a decision, all tenants, read from the database every 30 s so every replica reports the same).
 */
@ApplicationScoped
public class OrderMetrics {

    private static final Logger LOG = Logger.getLogger(OrderMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    ApprovalRepository approvals;

    @Inject
    Vertx vertx;

    private final AtomicLong pendingApprovals = new AtomicLong();
    private long timer = -1;
    private Counter reservationFailures;

    void start(@Observes StartupEvent event) {
        reservationFailures = Counter.builder("fieldsales.orders.stock.reservation.failures")
                .description("Orders and order edits refused for insufficient stock").register(registry);
        Gauge.builder("fieldsales.orders.approvals.pending", pendingApprovals, AtomicLong::get)
                .description("Approvals waiting for a decision").register(registry);
        timer = vertx.setPeriodic(1000, 30_000, id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void refresh() {
        approvals.countPending().subscribe().with(pendingApprovals::set,
                failure -> LOG.debugf("Cannot count pending approvals: %s", failure.toString()));
    }

    public void reservationFailed(Throwable insufficientStock) {
        reservationFailures.increment();
    }
}
