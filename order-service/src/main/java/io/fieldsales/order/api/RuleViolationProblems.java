package io.fieldsales.order.api;

import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.service.RuleProblems;
import io.fieldsales.platform.errors.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A domain rule's refusal is its problem (see {@link RuleProblems}). Timeouts and transient database failures are
 * the kit's ({@code io.fieldsales.platform.errors.FaultToleranceProblems}).
 */
public class RuleViolationProblems {

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e, UriInfo uri) {
        return Problems.response(RuleProblems.of(e), uri.getPath());
    }
}
