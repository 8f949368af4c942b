package io.fieldsales.order.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.order.domain.PricedDocument;
import io.fieldsales.order.domain.PricingRule;
import io.fieldsales.order.domain.RuleConditions;
import io.fieldsales.order.repository.PricingRuleRepository;
import io.fieldsales.order.service.Cursors;
import io.fieldsales.order.service.CustomerDirectory;
import io.fieldsales.order.service.PricingRuleService;
import io.fieldsales.order.service.PricingService;
import io.fieldsales.order.service.RuleProblems;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** Pricing rules: admins and managers write, sellers and the back office read. */
@Path("/api/v1/pricing-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PricingResource {

    @Inject
    PricingRuleService rules;

    @Inject
    PricingService pricing;

    @Inject
    CustomerDirectory customers;

    @Inject
    CurrentActor actor;

    @Inject
    ObjectMapper json;

    /** A rule as the API takes and shows it. */
    public record RuleBody(UUID id, String name, Integer priority, Instant validFrom, Instant validTo,
            RuleConditions conditions, String action, BigDecimal value, String currency, Boolean exclusive,
            Boolean active, Long version) {

        static RuleBody of(PricingRuleRepository.Versioned v) {
            PricingRule r = v.rule();
            return new RuleBody(r.id(), r.name(), r.priority(), r.validFrom(), r.validTo(), r.conditions(),
                    r.action().name(), r.value(), r.currency(), r.exclusive(), r.active(), v.version());
        }

        PricingRuleService.RuleFields fields() {
            return new PricingRuleService.RuleFields(name, priority, validFrom, validTo, conditions, action, value,
                    currency, exclusive, active);
        }
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    // not retried (a plain @Timeout, not DatabaseRetryPolicy): a POST without an Idempotency-Key is not idempotent
    @Timeout(5000)
    public Uni<Response> create(RuleBody body) {
        Actor a = actor.get();
        return rules.create(a, Bodies.required(body).fields())
                .map(v -> Response.created(URI.create("/api/v1/pricing-rules/" + v.rule().id()))
                        .tag(ETags.of(v.version())).entity(RuleBody.of(v)).build())
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return rules.get(actor.get(), id).map(v -> Response.ok(RuleBody.of(v)).tag(ETags.of(v.version())).build())
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Page<RuleBody>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int n = Cursors.limit(limit);
        UUID after = cursor == null ? null : OrderResource.uuid("cursor", Cursors.decode(cursor, 1).get(0));
        return rules.list(actor.get(), after, n + 1)
                .map(items -> new Page<>(items.stream().limit(n).map(RuleBody::of).toList(),
                        items.size() > n ? Cursors.encode(items.get(n - 1).rule().id().toString()) : null))
                .onFailure().transform(RuleProblems::translate);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        Actor a = actor.get();
        long version = ETags.required(ifMatch, "pricing rule");
        JsonNode patch = Bodies.mergePatch(json, body);
        return rules.update(a, id, version, current -> merge(current, patch))
                .map(v -> Response.ok(RuleBody.of(v)).tag(ETags.of(v.version())).build())
                .onFailure().transform(RuleProblems::translate);
    }

    private PricingRuleService.RuleFields merge(PricingRule current, JsonNode patch) {
        try {
            JsonNode merged = json.valueToTree(RuleBody.of(new PricingRuleRepository.Versioned(current, 0)));
            ((com.fasterxml.jackson.databind.node.ObjectNode) merged).setAll(
                    (com.fasterxml.jackson.databind.node.ObjectNode) patch);
            return json.treeToValue(merged, RuleBody.class).fields();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new ProblemException(ErrorCode.MALFORMED_JSON, "The patch does not fit a pricing rule");
        }
    }
}
