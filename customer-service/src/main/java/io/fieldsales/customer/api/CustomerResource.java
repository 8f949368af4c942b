package io.fieldsales.customer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.service.CreatedCustomer;
import io.fieldsales.customer.service.CustomerQueries;
import io.fieldsales.customer.service.CustomerCreation;
import io.fieldsales.customer.service.CustomerService;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.db.DatabaseRetryPolicy;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.idempotency.IdempotentRequests;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * Customers of the caller's tenant: create, find-or-create, read, list, PATCH, delete and restore.
 *
 * <p>Fault tolerance sits here, around the whole unit of work, because a retry must re-run everything the request
 * did in its transaction, including the Idempotency-Key claim: only transient database failures (serialization
 * failure, deadlock, lost connection; the transaction rolled back) are retried, three times with exponential
 * backoff from 50 ms and jitter so that colliding requests do not collide again; never a 4xx. The 5 s timeout
 * bounds each attempt well below the clients' own 30 s; a timed-out attempt is not retried (its write may still
 * commit), so a client retry with the same Idempotency-Key is the safe way on.
 */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {


    @Inject
    CustomerCreation creation;

    @Inject
    CustomerService customers;

    @Inject
    CustomerQueries queries;

    @Inject
    CurrentActor actor;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> create(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            CustomerRequest request) {
        Actor a = actor.get();
        var valid = creation.validate(a, required(request).toDetails());
        return idempotency.execute(idempotencyKey, "POST /api/v1/customers", request,
                        () -> creation.create(a, valid).map(this::createdResponse));
    }

    @POST
    @Path("find-or-create")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> findOrCreate(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            CustomerRequest request) {
        Actor a = actor.get();
        var valid = creation.validate(a, required(request).toDetails());
        return idempotency.execute(idempotencyKey, "POST /api/v1/customers/find-or-create", request,
                        () -> creation.findOrCreate(a, valid).map(this::createdResponse));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> get(@PathParam("id") UUID id, @QueryParam("includeDeleted") boolean includeDeleted) {
        Actor a = actor.get();
        requireAdminForDeleted(a, includeDeleted);
        return queries.get(a, id, includeDeleted)
                .map(c -> Response.ok(CustomerResponse.of(c)).tag(ETags.of(c)).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP, Roles.FINANCE, Roles.CASHIER,
            Roles.AUDITOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<CustomerPage> list(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("tag") String tag, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            @QueryParam("includeDeleted") boolean includeDeleted) {
        Actor a = actor.get();
        requireAdminForDeleted(a, includeDeleted);
        return queries.list(a, q, status, tag, limit, cursor, includeDeleted)
                .map(page -> new CustomerPage(page.items().stream().map(CustomerResponse::of).toList(),
                        page.nextCursor()));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.SALES_REP})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        Actor a = actor.get();
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ErrorCode.PRECONDITION_REQUIRED,
                    "Send If-Match with the customer's ETag to change it");
        }
        JsonNode patch = parse(body);
        return customers.patch(a, id, expected(ifMatch), patch)
                .map(c -> Response.ok(CustomerResponse.of(c)).tag(ETags.of(c)).build());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Actor a = actor.get();
        return customers.delete(a, id, ifMatch == null ? null : expected(ifMatch))
                .map(c -> Response.noContent().build());
    }

    @POST
    @Path("{id}/restore")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @ApplyGuard(DatabaseRetryPolicy.TRANSACTION)
    public Uni<Response> restore(@PathParam("id") UUID id) {
        Actor a = actor.get();
        return customers.restore(a, id)
                .map(c -> Response.ok(CustomerResponse.of(c)).tag(ETags.of(c)).build());
    }

    private Response createdResponse(CreatedCustomer result) {
        Customer c = result.customer();
        Response.ResponseBuilder r = result.created()
                ? Response.created(URI.create("/api/v1/customers/" + c.id))
                : Response.ok().contentLocation(URI.create("/api/v1/customers/" + c.id));
        return r.tag(ETags.of(c)).entity(CustomerResponse.of(c, result.possibleDuplicates()))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private static Long expected(String ifMatch) {
        long v = ETags.expectedVersion(ifMatch);
        return v == ETags.ANY ? null : v;
    }

    private static CustomerRequest required(CustomerRequest request) {
        if (request == null) {
            throw ProblemException.validation("request", "a JSON body is required");
        }
        return request;
    }

    private static void requireAdminForDeleted(Actor a, boolean includeDeleted) {
        if (includeDeleted && !a.hasRole(Roles.ADMIN)) {
            throw new ProblemException(ErrorCode.FORBIDDEN, "Only admins may see deleted customers");
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(ErrorCode.MALFORMED_JSON, "A JSON merge patch body is required");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON");
        }
    }
}
