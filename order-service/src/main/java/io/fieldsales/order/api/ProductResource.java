package io.fieldsales.order.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.order.service.Cursors;
import io.fieldsales.order.service.ProductService;
import io.fieldsales.order.service.RuleProblems;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
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
import java.util.UUID;

/**
 * The catalog. Admins and managers write; everyone in the tenant reads. Fault tolerance as in customer-service:
 * transient database failures retried 3 times with backoff and jitter, 5 s per attempt.
 */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductService products;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String key, ProductRequest request) {
        Actor a = actor.get();
        ProductRequest r = Bodies.required(request);
        return idempotency.execute(key, "POST /api/v1/products", r, () -> products.create(a,
                        new ProductService.ProductFields(r.sku(), r.name(), r.unitPrice(), r.currency(), r.taxRate(),
                                r.active(), r.tags()))
                        .map(p -> Response.created(URI.create("/api/v1/products/" + p.id())).tag(ETags.of(p.version()))
                                .entity(ProductResponse.of(p)).build())
                        .onFailure().transform(RuleProblems::translate))
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> get(@PathParam("id") UUID id) {
        return products.get(actor.get(), id)
                .map(p -> Response.ok(ProductResponse.of(p)).tag(ETags.of(p.version())).build())
                .onFailure().transform(RuleProblems::translate);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Page<ProductResponse>> list(@QueryParam("tag") String tag, @QueryParam("active") Boolean active,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int n = Cursors.limit(limit);
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        return products.list(actor.get(), after, tag, active, n + 1)
                .map(items -> new Page<>(items.stream().limit(n).map(ProductResponse::of).toList(),
                        items.size() > n ? Cursors.encode(items.get(n - 1).sku()) : null))
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
        long version = ETags.required(ifMatch, "product");
        return products.patch(a, id, version, Bodies.mergePatch(json, body))
                .map(p -> Response.ok(ProductResponse.of(p)).tag(ETags.of(p.version())).build())
                .onFailure().transform(RuleProblems::translate);
    }
}
