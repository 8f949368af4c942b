package io.fieldsales.cash.service;

import io.fieldsales.cash.domain.VarianceTier;
import io.fieldsales.cash.repository.CashReports;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Business metrics of cash-service (Prometheus names): {@code fieldsales_cash_variance{tier}} (a summary of the
 * absolute variance of each count, in the session's currency units, by the tier the tenant's policy put it in:
 * AUTO, SUPERVISOR, FINANCE) and {@code fieldsales_cash_deposits_unconfirmed{age}} (deposits awaiting the bank's
 * confirmation, {@code within_limit} or {@code past_limit} of their tenant's confirmation days; all tenants, read
 * from the database every 30 s so every replica reports the same).
 */
@ApplicationScoped
public class CashMetrics {

    private static final Logger LOG = Logger.getLogger(CashMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    CashReports reports;

    @Inject
    Vertx vertx;

    private final AtomicLong withinLimit = new AtomicLong();
    private final AtomicLong pastLimit = new AtomicLong();
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        Gauge.builder("fieldsales.cash.deposits.unconfirmed", withinLimit, AtomicLong::get)
                .description("Deposits awaiting confirmation").tag("age", "within_limit").register(registry);
        Gauge.builder("fieldsales.cash.deposits.unconfirmed", pastLimit, AtomicLong::get)
                .description("Deposits awaiting confirmation").tag("age", "past_limit").register(registry);
        for (VarianceTier tier : VarianceTier.values()) {
            summary(tier); // every tier present from the start: a rate over a missing series is no zero
        }
        timer = vertx.setPeriodic(1000, 30_000, id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void refresh() {
        reports.unconfirmedDeposits().subscribe().with(counts -> {
            withinLimit.set(counts[0]);
            pastLimit.set(counts[1]);
        }, failure -> LOG.debugf("Cannot count unconfirmed deposits: %s", failure.toString()));
    }

    /** A count's variance, by its tier. */
    public void variance(VarianceTier tier, BigDecimal variance) {
        summary(tier).record(variance.abs().doubleValue());
    }

    private DistributionSummary summary(VarianceTier tier) {
        return DistributionSummary.builder("fieldsales.cash.variance")
                .description("Absolute cash count variance by policy tier").tag("tier", tier.name())
                .register(registry);
    }
}
