package io.fieldsales.audit.service;

import io.fieldsales.audit.domain.NewAuditEvent;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The consumer's unit of work: a batch of events appended in one transaction ({@link AuditTrail#appendAll}),
 * retried whole with backoff (5 tries, 200 ms doubling to 5 s: rides out a failover of the database without stalling
 * the partitions for long). Retrying is safe: a failed batch stored nothing, and events stored by a batch that did
 * commit read as duplicates.
 */
@ApplicationScoped
public class AuditIngest {

    @Inject
    AuditTrail trail;

    @Retry(maxRetries = 5, delay = 200, jitter = 100)
    @ExponentialBackoff(maxDelay = 5000)
    public Uni<List<AppendResult>> store(List<NewAuditEvent> batch) {
        return trail.appendAll(batch);
    }

    /** One event on its own, once (the fallback when a whole batch keeps failing). */
    public Uni<AppendResult> storeOne(NewAuditEvent event) {
        return trail.append(event);
    }
}
