package io.fieldsales.cash.api;

import io.fieldsales.cash.domain.CashPolicy;
import io.fieldsales.cash.domain.Money;
import io.fieldsales.cash.service.CashProblems;
import io.fieldsales.cash.service.PolicyService;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;

/** The tenant's cash policy: variance thresholds, credit days, deposit confirmation days (defaults until set). */
@Path("/api/v1/cash-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CashPolicyResource {

    @Inject
    PolicyService policies;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.FINANCE, Roles.MANAGER, Roles.AUDITOR})
    public Uni<PolicyDto> get() {
        Actor a = actor.get();
        return policies.of(a.tenantId()).map(CashPolicyResource::dto);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    public Uni<PolicyDto> put(PolicyDto request) {
        Actor a = actor.get();
        PolicyDto r = CashSessionResource.required(request);
        return CashSessionResource.guarded(() -> {
            if (r.creditDays() == null || r.depositConfirmDays() == null) {
                throw ProblemException.validation(r.creditDays() == null ? "creditDays" : "depositConfirmDays",
                        "is required");
            }
            // thresholds are amounts in the sessions' currencies: at most 2 decimals, the precision of most of them
            CashPolicy policy = new CashPolicy(threshold("autoAcceptBelow", r.autoAcceptBelow()),
                    threshold("supervisorBelow", r.supervisorBelow()), r.creditDays(), r.depositConfirmDays());
            return policies.replace(a, policy).map(CashPolicyResource::dto);
        }).get().onFailure().transform(CashProblems::translate);
    }

    private static BigDecimal threshold(String field, BigDecimal value) {
        return Money.nonNegative(field, value, "USD");
    }

    static PolicyDto dto(CashPolicy p) {
        return new PolicyDto(p.autoAcceptBelow().setScale(2, java.math.RoundingMode.UNNECESSARY),
                p.supervisorBelow().setScale(2, java.math.RoundingMode.UNNECESSARY), p.creditDays(),
                p.depositConfirmDays());
    }
}
