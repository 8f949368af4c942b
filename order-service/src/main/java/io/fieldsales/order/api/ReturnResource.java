package io.fieldsales.order.api;

import io.fieldsales.order.domain.ReturnRules.ReturnedLine;
import io.fieldsales.order.repository.ReturnRepository.CreditNote;
import io.fieldsales.order.repository.ReturnRepository.StoredReturn;
import io.fieldsales.order.service.Cursors;
import io.fieldsales.order.service.ReturnService;
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

/** Returns of delivered orders, credit notes and refunds. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReturnResource {

    @Inject
    ReturnService returns;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    /** {@code POST /orders/{id}/returns}. */
    public record ReturnRequest(List<ReturnService.ReturnLineRequest> lines) {
    }

    /** {@code POST /returns/{id}/receive}. */
    public record ReceiveRequest(String location, String condition) {
    }

    /** {@code POST /credit-notes/{id}/refunds}. */
    public record RefundRequest(String method, BigDecimal amount) {
    }

    /** A return and its credit note (once received). */
    public record ReturnResponse(UUID id, UUID orderId, UUID customerId, String status, List<ReturnedLine> lines,
            String currency, BigDecimal subtotal, BigDecimal tax, BigDecimal total, String location, String condition,
            String requestedBy, long version, Instant createdAt, CreditNoteResponse creditNote) {

        static ReturnResponse of(StoredReturn r, CreditNote n) {
            return new ReturnResponse(r.id(), r.orderId(), r.customerId(), r.status().name(), r.lines(), r.currency(),
                    r.subtotal(), r.tax(), r.total(), r.location(), r.condition(), r.requestedBy(), r.version(),
                    r.createdAt(), n == null ? null : CreditNoteResponse.of(n));
        }
    }

    /** A credit note with what is left to refund. */
    public record CreditNoteResponse(UUID id, UUID orderId, UUID returnId, UUID customerId, String currency,
            BigDecimal amount, BigDecimal refunded, BigDecimal remaining, Instant createdAt) {

        static CreditNoteResponse of(CreditNote n) {
            return new CreditNoteResponse(n.id(), n.orderId(), n.returnId(), n.customerId(), n.currency(), n.amount(),
                    n.refunded(), n.amount().subtract(n.refunded()), n.createdAt());
        }
    }

    /** A refund just issued. */
    public record RefundResponse(UUID id, UUID creditNoteId, String method, BigDecimal amount,
            CreditNoteResponse creditNote) {
    }

    @GET
    @Path("returns/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return returns.get(actor.get(), id)
                .map(v -> Response.ok(ReturnResponse.of(v.stored(), v.creditNote())).tag(ETags.of(v.stored().version()))
                        .build())
                .onFailure().transform(RuleProblems::translate);
    }

    @POST
    @Path("returns/{id}/receive")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> receive(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ReceiveRequest request) {
        Actor a = actor.get();
        long version = ETags.required(ifMatch, "return");
        ReceiveRequest r = Bodies.required(request);
        return returns.receive(a, id, version, r.location(), r.condition())
                .map(v -> Response.ok(ReturnResponse.of(v.stored(), v.creditNote())).tag(ETags.of(v.stored().version()))
                        .build())
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @Path("credit-notes/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<CreditNoteResponse> creditNote(@PathParam("id") UUID id) {
        return returns.creditNote(actor.get(), id).map(CreditNoteResponse::of)
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @Path("credit-notes")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Page<CreditNoteResponse>> creditNotes(@QueryParam("orderId") String orderId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int n = Cursors.limit(limit);
        Instant afterCreated = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            afterCreated = OrderResource.instant("cursor", parts.get(0));
            afterId = OrderResource.uuid("cursor", parts.get(1));
        }
        UUID order = orderId == null || orderId.isBlank() ? null : OrderResource.uuid("orderId", orderId);
        return returns.creditNotes(actor.get(), order, afterCreated, afterId, n + 1)
                .map(items -> new Page<>(items.stream().limit(n).map(CreditNoteResponse::of).toList(),
                        items.size() > n ? Cursors.encode(items.get(n - 1).createdAt().toString(),
                                items.get(n - 1).id().toString()) : null))
                .onFailure().transform(RuleProblems::translate);
    }

    @POST
    @Path("credit-notes/{id}/refunds")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> refund(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
            RefundRequest request) {
        Actor a = actor.get();
        RefundRequest r = Bodies.required(request);
        if (r.amount() == null) {
            throw ProblemException.validation("amount", "required");
        }
        return idempotency.execute(key, "POST /api/v1/credit-notes/" + id + "/refunds", r, () -> returns
                        .refund(a, id, r.method(), r.amount())
                        .map(res -> Response.status(201).entity(new RefundResponse(res.refundId(), id, res.method(),
                                res.amount(), CreditNoteResponse.of(res.creditNote()))).build())
                        .onFailure().transform(RuleProblems::translate))
                .onFailure().transform(RuleProblems::translate);
    }
}
