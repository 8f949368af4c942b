package io.fieldsales.cash.api;

import io.fieldsales.cash.domain.Denominations;
import io.fieldsales.cash.service.CashProblems;
import io.fieldsales.cash.service.CloseSession;
import io.fieldsales.cash.service.OpenSession;
import io.fieldsales.cash.service.RecordCollection;
import io.fieldsales.cash.service.SessionService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Cash sessions: open, collect (Idempotency-Key), pay out, close with a count, decide a variance, read and list.
 * Only transient database failures are retried (3 times, exponential backoff from 50 ms with jitter); each attempt
 * has 5 s, well below the mobile clients' 30 s, and a timed-out write is not retried: the client retries with its
 * Idempotency-Key.
 */
@Path("/api/v1/cash-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CashSessionResource {

    private static final String BASE = "/api/v1/cash-sessions/";

    @Inject
    SessionService sessions;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @RolesAllowed({Roles.SALES_REP, Roles.CASHIER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> open(@HeaderParam(IdempotentRequests.HEADER) String key, OpenSessionRequest request) {
        Actor a = actor.get();
        OpenSessionRequest r = required(request);
        return idempotency.execute(key, "POST " + BASE, r, guarded(() -> sessions.open(a,
                        new OpenSession(r.openingFloat(), r.currency(), r.deviceId(), r.location()))
                .map(v -> Response.created(URI.create(BASE + v.session().id))
                        .entity(SessionResponse.of(v, true)).build())))
                .onFailure().transform(CashProblems::translate);
    }

    @POST
    @Path("{id}/collections")
    @RolesAllowed({Roles.SALES_REP, Roles.CASHIER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> collect(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
            CollectionRequest request) {
        Actor a = actor.get();
        CollectionRequest r = required(request);
        return idempotency.execute(key, "POST " + BASE + id + "/collections", r, guarded(() -> sessions.collect(a, id,
                        new RecordCollection(r.amount(), r.currency(), r.method(), r.orderId(), r.customerId(),
                                r.reference()))
                .map(c -> Response.created(URI.create(BASE + id + "/collections/" + c.id))
                        .entity(CollectionResponse.of(c)).build())))
                .onFailure().transform(CashProblems::translate);
    }

    @POST
    @Path("{id}/payouts")
    @RolesAllowed({Roles.SALES_REP, Roles.CASHIER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> payout(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
            PayoutRequest request) {
        Actor a = actor.get();
        PayoutRequest r = required(request);
        return idempotency.execute(key, "POST " + BASE + id + "/payouts", r,
                        guarded(() -> sessions.payout(a, id, r.amount(), r.reason())
                                .map(p -> Response.status(201).entity(PayoutResponse.of(p)).build())))
                .onFailure().transform(CashProblems::translate);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.SALES_REP, Roles.CASHIER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> close(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
            CloseRequest request) {
        Actor a = actor.get();
        CloseRequest r = required(request);
        return idempotency.execute(key, "POST " + BASE + id + "/close", r,
                        guarded(() -> sessions.close(a, id, new CloseSession(r.countedCash(), lines(r.denominations())))
                                .map(v -> Response.ok(SessionResponse.of(v, true)).build())))
                .onFailure().transform(CashProblems::translate);
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed({Roles.SUPERVISOR, Roles.FINANCE, Roles.SALES_REP, Roles.CASHIER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> decide(@PathParam("id") UUID id, DecisionRequest request) {
        Actor a = actor.get();
        DecisionRequest r = required(request);
        return guarded(() -> sessions.decide(a, id, r.decision(), r.comment(), r.reasonCode())
                .map(v -> Response.ok(SessionResponse.of(v, true)).build())).get()
                .onFailure().transform(CashProblems::translate);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SALES_REP, Roles.CASHIER, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN, Roles.MANAGER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<SessionResponse> get(@PathParam("id") UUID id) {
        Actor a = actor.get();
        return sessions.get(a, id).map(v -> SessionResponse.of(v, true))
                .onFailure().transform(CashProblems::translate);
    }

    @GET
    @RolesAllowed({Roles.SALES_REP, Roles.CASHIER, Roles.SUPERVISOR, Roles.FINANCE, Roles.ADMIN, Roles.MANAGER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<SessionPageResponse> list(@QueryParam("status") String status, @QueryParam("owner") String owner,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        Actor a = actor.get();
        return guarded(() -> sessions.list(a, status, owner, instant("from", from), instant("to", to), cursor, limit))
                .get()
                .map(p -> new SessionPageResponse(p.items().stream().map(v -> SessionResponse.of(v, false)).toList(),
                        p.nextCursor()))
                .onFailure().transform(CashProblems::translate);
    }

    /** Runs the action, turning domain exceptions thrown before its Uni exists into problems. */
    static <T> Supplier<Uni<T>> guarded(Supplier<Uni<T>> action) {
        return () -> {
            try {
                return action.get().onFailure().transform(CashProblems::translate);
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(CashProblems.translate(e));
            }
        };
    }

    static <T> T required(T request) {
        if (request == null) {
            throw ProblemException.validation("request", "a JSON body is required");
        }
        return request;
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.validation(field, "must be an ISO-8601 instant or date");
            }
        }
    }

    private static List<Denominations.Line> lines(List<DenominationDto> dtos) {
        if (dtos == null) {
            return null;
        }
        if (dtos.size() > 50) {
            throw ProblemException.validation("denominations", "at most 50 lines");
        }
        return dtos.stream().map(d -> {
            if (d == null || d.value() == null || d.count() == null) {
                throw ProblemException.validation("denominations", "each line needs a value and a count");
            }
            return new Denominations.Line(d.value(), d.count());
        }).toList();
    }
}
