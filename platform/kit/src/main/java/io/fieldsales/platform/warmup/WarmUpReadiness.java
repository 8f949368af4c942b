package io.fieldsales.platform.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until every {@link WarmUp} action has run (the pool's connections opened, the hot paths exercised once), so a
 * load balancer sends a new replica no burst it would time out on. Readiness only: a slow warm-up never restarts a
 * pod (the startup probe's budget covers it).
 */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    @Inject
    WarmUpRunner runner;

    @Override
    public HealthCheckResponse call() {
        return of(runner.state());
    }

    static HealthCheckResponse of(WarmUpState state) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("warm-up").withData("millis", state.elapsedMillis());
        if (!state.finished()) {
            return b.down().withData("pending", String.join(",", state.pending().stream().sorted().toList())).build();
        }
        state.failures().forEach(b::withData);
        return b.up().build();
    }
}
