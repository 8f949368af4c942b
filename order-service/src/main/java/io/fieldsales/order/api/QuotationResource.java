package io.fieldsales.order.api;

import io.fieldsales.order.domain.PricedLine;
import io.fieldsales.order.domain.PaymentTerms;
import io.fieldsales.order.repository.QuotationRepository.Quotation;
import io.fieldsales.order.service.Cursors;
import io.fieldsales.order.service.CustomerDirectory;
import io.fieldsales.order.service.PricingService;
import io.fieldsales.order.service.QuotationService;
import io.fieldsales.order.service.RequestedLine;
import io.fieldsales.order.service.RuleProblems;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.idempotency.IdempotentRequests;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.List;
import java.util.UUID;

/** Quotations: create, read, list, send, accept (creates the order), reject; changes need If-Match. */
@Path("/api/v1/quotations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuotationResource {

    @Inject
    QuotationService quotations;

    @Inject
    CustomerDirectory customers;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    /** {@code POST /quotations}. */
    public record CreateQuotation(UUID customerId, String location, List<RequestedLine> lines, Instant validUntil,
            String paymentTerms, String note) {
    }

    /** A quotation as the API shows it (orderId once accepted). */
    public record QuotationResponse(UUID id, UUID customerId, String repId, String location, String status,
            Instant validUntil, String paymentTerms, String note, String currency, BigDecimal subtotal,
            BigDecimal tax, BigDecimal total, List<PricedLine> lines, UUID orderId, String orderStatus, long version,
            Instant createdAt) {

        static QuotationResponse of(Quotation q, io.fieldsales.order.domain.Order o) {
            return new QuotationResponse(q.id(), q.customerId(), q.repId(), q.location(), q.status().name(),
                    q.validUntil(), q.paymentTerms(), q.note(), q.priced().currency(), q.priced().subtotal(),
                    q.priced().tax(), q.priced().total(), q.priced().lines(), q.orderId(),
                    o == null ? null : o.status().name(), q.version(), q.createdAt());
        }
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, CreateQuotation request) {
        Actor a = actor.get();
        CreateQuotation r = Bodies.required(request);
        if (r.customerId() == null) {
            throw ProblemException.validation("customerId", "required");
        }
        PaymentTerms terms = OrderResource.paymentTerms(r.paymentTerms());
        PricingService.validate(r.lines());
        return customers.activeCustomer(a.tenantId(), r.customerId(), authorization)
                .chain(c -> idempotency.execute(key, "POST /api/v1/quotations", r, () -> quotations
                        .create(a, c, r.location(), r.lines(), r.validUntil(), terms, r.note())
                        .map(q -> Response.created(URI.create("/api/v1/quotations/" + q.id()))
                                .tag(ETags.of(q.version())).entity(QuotationResponse.of(q, null)).build())
                        .onFailure().transform(RuleProblems::translate)))
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return respond(quotations.get(actor.get(), id));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Page<QuotationResponse>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int n = Cursors.limit(limit);
        Instant afterCreated = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            afterCreated = OrderResource.instant("cursor", parts.get(0));
            afterId = OrderResource.uuid("cursor", parts.get(1));
        }
        return quotations.list(actor.get(), afterCreated, afterId, n + 1)
                .map(items -> new Page<>(items.stream().limit(n).map(q -> QuotationResponse.of(q, null)).toList(),
                        items.size() > n ? Cursors.encode(items.get(n - 1).createdAt().toString(),
                                items.get(n - 1).id().toString()) : null))
                .onFailure().transform(RuleProblems::translate);
    }

    @POST
    @Path("{id}/send")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> send(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor a = actor.get();
        return respond(quotations.move(a, id, ETags.required(ifMatch, "quotation"), "send"));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor a = actor.get();
        return respond(quotations.move(a, id, ETags.required(ifMatch, "quotation"), "reject"));
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Actor a = actor.get();
        long version = ETags.required(ifMatch, "quotation");
        return quotations.get(a, id)
                .chain(v -> customers.activeCustomer(a.tenantId(), v.quotation().customerId(), authorization))
                .chain(c -> respond(quotations.accept(a, id, version, c)));
    }

    private static Uni<Response> respond(Uni<QuotationService.QuotationView> result) {
        return result.map(v -> Response.ok(QuotationResponse.of(v.quotation(), v.order()))
                        .tag(ETags.of(v.quotation().version())).build())
                .onFailure().transform(RuleProblems::translate);
    }
}
