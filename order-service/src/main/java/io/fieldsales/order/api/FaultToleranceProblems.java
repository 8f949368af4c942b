package io.fieldsales.order.api;

import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.service.RuleProblems;
import io.fieldsales.platform.db.TransientDatabaseException;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.errors.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A timed-out attempt or a transient database failure that outlasted the retries is a fast 503 with Retry-After;
 * a domain rule's refusal is its problem (see {@link RuleProblems}).
 */
public class FaultToleranceProblems {

    private static final Logger LOG = Logger.getLogger(FaultToleranceProblems.class);

    @ServerExceptionMapper
    public Response timeout(TimeoutException e, UriInfo uri) {
        LOG.warnf("Timed out: %s", e.getMessage());
        return Problems.response(new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                "The request took too long; retry shortly").withHeader("Retry-After", "1"), uri.getPath());
    }

    @ServerExceptionMapper
    public Response transientDatabaseFailure(TransientDatabaseException e, UriInfo uri) {
        LOG.warnf("Transient database failure after retries: %s", e.getMessage());
        return Problems.response(new ProblemException(ErrorCode.SERVICE_UNAVAILABLE,
                "The database is busy; retry shortly").withHeader("Retry-After", "1"), uri.getPath());
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e, UriInfo uri) {
        return Problems.response(RuleProblems.of(e), uri.getPath());
    }
}
