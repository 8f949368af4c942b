package io.fieldsales.order.api;

import io.fieldsales.order.domain.Order;
import io.fieldsales.order.domain.OrderStatus;
import io.fieldsales.order.domain.PaymentTerms;
import io.fieldsales.order.service.Cursors;
import io.fieldsales.order.service.CustomerDirectory;
import io.fieldsales.order.service.OrderService;
import io.fieldsales.order.service.PricingService;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Orders: create (Idempotency-Key), read, list, edit lines and the status transitions (each needs If-Match).
 * Transient database failures are retried 3 times with backoff and jitter (deadlocks cannot happen on the create
 * path, which locks stock in sku order, but a lost connection can); 5 s per attempt, then 503 + Retry-After.
 */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    static final String[] READERS = {Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE,
            Roles.CASHIER, Roles.AUDITOR};

    @Inject
    OrderService orders;

    @Inject
    CustomerDirectory customers;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    ReturnService returns;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, OrderRequests.CreateOrder request) {
        Actor a = actor.get();
        OrderRequests.CreateOrder r = Bodies.required(request);
        if (r.customerId() == null) {
            throw ProblemException.validation("customerId", "required");
        }
        PaymentTerms terms = paymentTerms(r.paymentTerms());
        PricingService.validate(r.lines());
        return customers.activeCustomer(a.tenantId(), r.customerId(), authorization)
                .chain(c -> idempotency.execute(key, "POST /api/v1/orders", r, () -> orders.create(a,
                                new OrderService.NewOrder(c, r.location(), r.lines(), terms, r.note(), null, null))
                        .map(o -> Response.created(URI.create("/api/v1/orders/" + o.id())).tag(ETags.of(o.version()))
                                .entity(OrderResponse.of(o)).build())
                        .onFailure().transform(RuleProblems::translate)))
                .onFailure().transform(RuleProblems::translate);
    }

    static PaymentTerms paymentTerms(String value) {
        if (value == null) {
            return PaymentTerms.COD;
        }
        try {
            return PaymentTerms.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("paymentTerms", "COD or CREDIT");
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return orders.detail(actor.get(), id)
                .map(d -> Response.ok(OrderResponse.of(d)).tag(ETags.of(d.order().version())).build())
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Page<OrderResponse>> list(@QueryParam("customerId") String customerId,
            @QueryParam("status") String status, @QueryParam("rep") String rep, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        Actor a = actor.get();
        int n = Cursors.limit(limit);
        UUID customer = customerId == null || customerId.isBlank() ? null : uuid("customerId", customerId);
        if (status != null && !status.isBlank()) {
            try {
                OrderStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.validation("status", "one of " + List.of(OrderStatus.values()));
            }
        }
        Instant afterCreated = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            afterCreated = instant("cursor", parts.get(0));
            afterId = uuid("cursor", parts.get(1));
        }
        return orders.list(a, customer, blankToNull(status), blankToNull(rep), instant("from", from),
                        instant("to", to), afterCreated, afterId, n + 1)
                .map(items -> new Page<>(items.stream().limit(n).map(OrderResponse::of).toList(),
                        items.size() > n ? Cursors.encode(items.get(n - 1).createdAt().toString(),
                                items.get(n - 1).id().toString()) : null))
                .onFailure().transform(RuleProblems::translate);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> edit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, OrderRequests.EditOrder request) {
        Actor a = actor.get();
        long version = ETags.required(ifMatch, "order");
        OrderRequests.EditOrder r = Bodies.required(request);
        PricingService.validate(r.lines());
        return orders.detail(a, id)
                .chain(d -> customers.activeCustomer(a.tenantId(), d.order().customerId(), authorization))
                .chain(c -> orders.editLines(a, id, version, r.lines(), c))
                .map(OrderResource::ok)
                .onFailure().transform(RuleProblems::translate);
    }

    @POST
    @Path("{id}/fulfil")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> fulfil(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor a = actor.get();
        long version = ETags.required(ifMatch, "order");
        return respond(orders.fulfil(a, id, version));
    }

    @POST
    @Path("{id}/deliver")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> deliver(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            OrderRequests.Delivery request) {
        Actor a = actor.get();
        long version = ETags.required(ifMatch, "order");
        OrderRequests.Delivery r = Bodies.required(request);
        return respond(orders.deliver(a, id, version, r.receivedBy(), r.deliveredAt()));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            OrderRequests.Cancellation request) {
        Actor a = actor.get();
        long version = ETags.required(ifMatch, "order");
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 500) {
            throw ProblemException.validation("reason", "at most 500 characters");
        }
        return respond(orders.cancel(a, id, version, reason));
    }

    @POST
    @Path("{id}/returns")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> request(@PathParam("id") UUID orderId, @HeaderParam(IdempotentRequests.HEADER) String key,
            ReturnResource.ReturnRequest request) {
        Actor a = actor.get();
        ReturnResource.ReturnRequest r = Bodies.required(request);
        return idempotency.execute(key, "POST /api/v1/orders/" + orderId + "/returns", r, () -> returns
                        .request(a, orderId, r.lines())
                        .map(v -> Response.created(URI.create("/api/v1/returns/" + v.stored().id()))
                                .tag(ETags.of(v.stored().version())).entity(ReturnResource.ReturnResponse.of(v.stored(), v.creditNote()))
                                .build())
                        .onFailure().transform(RuleProblems::translate))
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @Path("{id}/returns")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Page<ReturnResource.ReturnResponse>> forOrder(@PathParam("id") UUID orderId) {
        return returns.forOrder(actor.get(), orderId)
                .map(items -> new Page<>(items.stream().map(r -> ReturnResource.ReturnResponse.of(r, null)).toList(), null))
                .onFailure().transform(RuleProblems::translate);
    }

    private static Uni<Response> respond(Uni<Order> result) {
        return result.map(OrderResource::ok).onFailure().transform(RuleProblems::translate);
    }

    private static Response ok(Order o) {
        return Response.ok(OrderResponse.of(o)).tag(ETags.of(o.version())).build();
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(field, "not a UUID");
        }
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(field, "an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
