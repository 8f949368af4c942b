package io.fieldsales.order.api;

import io.fieldsales.order.domain.StockLevel;
import io.fieldsales.order.service.Cursors;
import io.fieldsales.order.service.RuleProblems;
import io.fieldsales.order.service.StockService;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Stock per location: levels, adjustments, transfers and the ledger consistency check. */
@Path("/api/v1/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

    @Inject
    StockService stock;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    /** One level as the API shows it. */
    public record StockLevelResponse(String location, String sku, long onHand, long reserved, long available) {
        static StockLevelResponse of(StockLevel l) {
            return new StockLevelResponse(l.location(), l.sku(), l.onHand(), l.reserved(), l.available());
        }
    }

    /** {@code POST /stock/adjustments}. */
    public record AdjustmentRequest(String location, String sku, Long delta, String reason) {
    }

    /** {@code POST /stock/transfers}. */
    public record TransferRequest(String from, String to, String sku, Long quantity) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Page<StockLevelResponse>> list(@QueryParam("location") String location, @QueryParam("sku") String sku,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int n = Cursors.limit(limit);
        List<String> after = cursor == null ? List.of("", "") : Cursors.decode(cursor, 2);
        return stock.list(actor.get(), blankToNull(location), blankToNull(sku), after.get(0), after.get(1), n + 1)
                .map(items -> new Page<>(items.stream().limit(n).map(StockLevelResponse::of).toList(),
                        items.size() > n ? Cursors.encode(items.get(n - 1).location(), items.get(n - 1).sku()) : null))
                .onFailure().transform(RuleProblems::translate);
    }

    @POST
    @Path("adjustments")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> adjust(@HeaderParam(IdempotentRequests.HEADER) String key, AdjustmentRequest request) {
        Actor a = actor.get();
        AdjustmentRequest r = Bodies.required(request);
        if (r.delta() == null) {
            throw ProblemException.validation("delta", "required, a non-zero whole number");
        }
        return idempotency.execute(key, "POST /api/v1/stock/adjustments", r, () -> stock
                        .adjust(a, r.location(), r.sku(), r.delta(), r.reason())
                        .map(l -> Response.status(201).entity(StockLevelResponse.of(l)).build())
                        .onFailure().transform(RuleProblems::translate))
                .onFailure().transform(RuleProblems::translate);
    }

    @POST
    @Path("transfers")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> transfer(@HeaderParam(IdempotentRequests.HEADER) String key, TransferRequest request) {
        Actor a = actor.get();
        TransferRequest r = Bodies.required(request);
        if (r.quantity() == null) {
            throw ProblemException.validation("quantity", "required, a positive whole number");
        }
        return idempotency.execute(key, "POST /api/v1/stock/transfers", r, () -> stock
                        .transfer(a, r.from(), r.to(), r.sku(), r.quantity())
                        .map(levels -> Response.status(201).entity(Map.of("items",
                                levels.stream().map(StockLevelResponse::of).toList())).build())
                        .onFailure().transform(RuleProblems::translate))
                .onFailure().transform(RuleProblems::translate);
    }

    /** Levels whose on-hand differs from the sum of their movements (none when all is well). */
    public record ConsistencyReport(boolean consistent, long levelsChecked, List<StockService.Drift> drift) {
    }

    @GET
    @Path("consistency")
    @RolesAllowed(Roles.ADMIN)
    @ApplyGuard(DatabaseRetryPolicy.TENANT_SCAN)
    public Uni<ConsistencyReport> consistency() {
        Actor a = actor.get();
        return stock.consistency(a).chain(drift -> stock.levels(a)
                .map(n -> new ConsistencyReport(drift.isEmpty(), n, drift)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
