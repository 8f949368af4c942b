package io.fieldsales.customer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.customer.config.CustomerConfig;
import io.fieldsales.customer.service.CustomerImporter;
import io.fieldsales.customer.service.ImportFileParser;
import io.fieldsales.customer.service.ImportLine;
import io.fieldsales.customer.service.ImportRowResult;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.context.CurrentActor;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * Bulk import of customers from NDJSON ({@code application/x-ndjson}) or CSV ({@code text/csv}), up to 10,000
 * rows (8 MiB). The answer streams one NDJSON line per row, a chunk of rows at a time as each chunk commits. Runs
 * on a worker thread: parsing 10,000 rows is too much CPU for the event loop (validating them too, which the
 * importer does chunk by chunk on worker threads). Each chunk retries its own transient failures; there is no
 * request-wide timeout since the work is bounded by the row limit.
 */
@Path("/api/v1/customers/import")
public class CustomerImportResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    CustomerImporter importer;

    @Inject
    CurrentActor actor;

    @Inject
    CustomerConfig config;

    @Inject
    ObjectMapper json;

    @POST
    @Blocking
    @Consumes({NDJSON, "application/jsonl", "text/csv", MediaType.TEXT_PLAIN})
    @Produces(NDJSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Multi<Buffer> importCustomers(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("mode") String mode, @QueryParam("dryRun") boolean dryRun, String body) {
        Actor a = actor.get();
        CustomerImporter.Mode importMode = mode(mode);
        if (body == null || body.isBlank()) {
            throw ProblemException.validation("body", "the file is empty");
        }
        List<ImportLine> lines = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")
                ? ImportFileParser.csv(body, config.importMaxRows())
                : ImportFileParser.ndjson(body, json, config.importMaxRows());
        // one write per chunk of results (one NDJSON line per row), not one per row
        return importer.importRows(a, lines, importMode, dryRun).map(this::ndjson);
    }

    private Buffer ndjson(List<ImportRowResult> rows) {
        Buffer buffer = Buffer.buffer(rows.size() * 80);
        for (ImportRowResult row : rows) {
            try {
                buffer.appendBytes(json.writeValueAsBytes(row)).appendByte((byte) '\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("import result is not serializable", e);
            }
        }
        return buffer;
    }

    private static CustomerImporter.Mode mode(String mode) {
        if (mode == null || mode.isBlank() || mode.equals("find-or-create")) {
            return CustomerImporter.Mode.FIND_OR_CREATE;
        }
        if (mode.equals("create")) {
            return CustomerImporter.Mode.CREATE;
        }
        throw new ProblemException(ErrorCode.INVALID_PARAMETER, "mode must be find-or-create or create");
    }
}
