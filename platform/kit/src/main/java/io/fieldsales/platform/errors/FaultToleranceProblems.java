package io.fieldsales.platform.errors;

import io.fieldsales.platform.db.TransientDatabaseException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An attempt that ran out of time, or a transient database failure that outlasted the retries, is a fast 503 with
 * Retry-After (the client retries, with its Idempotency-Key), not a 500: nothing is broken, the database is just
 * busier than our budget right now. Every service gets these mappers from the kit (a {@code DatabaseRetryPolicy}
 * guard's timeout, a plain {@code @Timeout}, and the {@code TransientDatabaseException} that
 * {@code DatabaseErrors.classify} wraps a transient fault in).
 */
public class FaultToleranceProblems {

    private static final Logger LOG = Logger.getLogger(FaultToleranceProblems.class);

    @ServerExceptionMapper
    public Response timeout(TimeoutException e, UriInfo uri) {
        LOG.warnf("Timed out: %s", e.getMessage());
        return Problems.response(new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                "The request took too long; retry shortly").withHeader("Retry-After", "1"), uri.getPath());
    }

    /** Deadlocks, serialization failures or lost connections that outlasted our retries: also worth a retry later. */
    @ServerExceptionMapper
    public Response transientDatabaseFailure(TransientDatabaseException e, UriInfo uri) {
        LOG.warnf("Transient database failure after retries: %s", e.getMessage());
        return Problems.response(new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                "The database is busy; retry shortly").withHeader("Retry-After", "1"), uri.getPath());
    }
}
