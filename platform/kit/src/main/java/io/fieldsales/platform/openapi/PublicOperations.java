package io.fieldsales.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Says of every operation that needs no token that it needs none ({@code security: []}), as OpenAPI (and Redocly's
 * {@code security-defined} rule) asks. Quarkus gives each {@code @RolesAllowed} operation its {@code bearer}
 * requirement; with the kit's deny-by-default every other endpoint is {@code @PermitAll}, so an operation still
 * without a requirement after Quarkus's own filters is a public one.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = -1000)
public class PublicOperations implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() == null) {
                    operation.setSecurity(new ArrayList<>());
                }
            }
        }
    }
}
