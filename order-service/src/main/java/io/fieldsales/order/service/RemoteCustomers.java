package io.fieldsales.order.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.fieldsales.order.domain.CustomerStanding;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks customer-service about a customer the projection has not heard of yet. Never a hang: each attempt has
 * 500 ms (customer-service answers a read by id in a few ms; a slower answer means it is in trouble), one retry
 * after 100 ms only for transient faults (connection refused or reset, 5xx), a circuit breaker that stops asking for
 * 5 s once half of the last 10 calls failed, and a fallback that answers 503 {@code dependency_unavailable} with
 * Retry-After. Worst case about 1.2 s, under the 2 s the issue allows. A 404 is an answer (unknown customer), not a
 * fault.
 */
@ApplicationScoped
public class RemoteCustomers {

    private static final Logger LOG = Logger.getLogger(RemoteCustomers.class);

    @Inject
    @RestClient
    CustomerServiceClient client;

    /** A 5xx or a broken connection: worth one more try. */
    public static class TransientRemoteFailure extends RuntimeException {
        TransientRemoteFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Timeout(500)
    @Retry(maxRetries = 1, delay = 100, jitter = 50, retryOn = {TransientRemoteFailure.class,
            ProcessingException.class}, abortOn = ProblemException.class)
    @ExponentialBackoff(maxDelay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemException.class)
    @CircuitBreakerName("customer-service") // fieldsales.circuit.breaker.open{name="customer-service"}
    @Fallback(fallbackMethod = "unavailable", skipOn = ProblemException.class)
    public Uni<CustomerStanding> fetch(UUID id, String authorization) {
        return client.get(id, authorization)
                .map(RemoteCustomers::standing)
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    if (status == 404 || status == 410) {
                        return Uni.createFrom().item(new CustomerStanding(id, "UNKNOWN", null, List.of(), null));
                    }
                    if (status >= 500) {
                        return Uni.createFrom().failure(new TransientRemoteFailure("customer-service answered "
                                + status, failure));
                    }
                    return Uni.createFrom().failure(ProblemException.of(422, "customer_not_active",
                            "Customer not active", "customer-service refused to show customer " + id + " (" + status
                                    + ")"));
                });
    }

    Uni<CustomerStanding> unavailable(UUID id, String authorization, Throwable cause) {
        LOG.warnf("customer-service unavailable while checking customer %s: %s", id, cause.toString());
        return Uni.createFrom().failure(ProblemException.of(503, "dependency_unavailable", "Dependency unavailable",
                "customer-service cannot confirm this customer right now; retry shortly")
                .withHeader("Retry-After", "5"));
    }

    static CustomerStanding standing(JsonNode c) {
        List<String> tags = new ArrayList<>();
        c.path("tags").forEach(t -> tags.add(t.asText()));
        String merged = c.path("mergedInto").isTextual() ? c.path("mergedInto").asText() : null;
        return new CustomerStanding(UUID.fromString(c.path("id").asText()), c.path("status").asText("UNKNOWN"),
                c.path("name").isTextual() ? c.path("name").asText() : null, tags,
                merged == null ? null : UUID.fromString(merged));
    }
}
