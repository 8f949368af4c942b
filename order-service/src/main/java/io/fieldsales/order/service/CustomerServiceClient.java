package io.fieldsales.order.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-service's published API, only what order-service reads: one customer, with the caller's token. */
@RegisterRestClient(configKey = "customer-service")
@Path("/api/v1/customers")
public interface CustomerServiceClient {

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> get(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);
}
