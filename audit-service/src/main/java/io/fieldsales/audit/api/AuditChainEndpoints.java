package io.fieldsales.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fieldsales.audit.domain.EventFilter;
import io.fieldsales.audit.service.AuditExport;
import io.fieldsales.audit.service.AuditReader;
import io.fieldsales.audit.service.AuditTrail;
import io.fieldsales.audit.service.ChainVerification;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What the tenant endpoints ({@link AuditResource}) and the platform ones ({@link PlatformAuditResource}) do alike
 * on one chain, the actor's ({@code actor.tenantId()}: a tenant, or the platform chain): the filters of a listing,
 * a verification's range and an export's window, each access appended to that chain with its endpoint.
 */
@ApplicationScoped
class AuditChainEndpoints {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    AuditReader reader;

    @Inject
    AuditTrail trail;

    @Inject
    ChainVerification verification;

    @Inject
    AuditExport export;

    @Inject
    ObjectMapper json;

    /** One page of events matching the query parameters. */
    Uni<AuditEventPage> events(Actor actor, String endpoint, String entityType, String entityId, String actorId,
            String type, String requestId, String from, String to, Integer limit, String cursor) {
        EventFilter filter = new EventFilter(actor.tenantId(), QueryParams.text("entityType", entityType),
                QueryParams.text("entityId", entityId), QueryParams.text("actorId", actorId),
                QueryParams.text("type", type), QueryParams.text("requestId", requestId),
                QueryParams.time("from", from), QueryParams.time("to", to), AuditReader.parseCursor(cursor),
                QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        ObjectNode details = json.createObjectNode().put("endpoint", endpoint);
        details.putObject("filters").put("entityType", filter.entityType()).put("entityId", filter.entityId())
                .put("actorId", filter.actorId()).put("type", filter.type()).put("requestId", filter.requestId())
                .put("from", from).put("to", to).put("cursor", cursor).put("limit", filter.limit());
        return reader.list(filter).call(page -> trail.recordAccess(actor, "read",
                details.put("returned", page.items().size()))).map(AuditEventPage::of);
    }

    /** Verifies the chain over [fromSequence, toSequence] (each end optional). */
    Uni<VerificationResult> verify(Actor actor, String endpoint, Long fromSequence, Long toSequence) {
        QueryParams.sequence("fromSequence", fromSequence);
        QueryParams.sequence("toSequence", toSequence);
        if (fromSequence != null && toSequence != null && toSequence < fromSequence) {
            throw ProblemException.validation("toSequence", "must not be before fromSequence");
        }
        return verification.verify(actor.tenantId(), fromSequence, toSequence)
                .call(result -> trail.recordAccess(actor, "verified", json.createObjectNode()
                        .put("endpoint", endpoint).put("fromSequence", result.fromSequence())
                        .put("toSequence", result.toSequence()).put("checked", result.checked())
                        .put("valid", result.valid()).put("firstBrokenSequence", result.firstBrokenSequence())))
                .map(VerificationResult::of);
    }

    /** Every record received in [from, to) (from the epoch / until now when absent), in chain order. */
    Multi<ExportLine> export(Actor actor, String endpoint, String from, String to) {
        OffsetDateTime start = QueryParams.time("from", from);
        OffsetDateTime end = QueryParams.time("to", to);
        OffsetDateTime effectiveStart = start == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : start;
        OffsetDateTime effectiveEnd = end == null ? OffsetDateTime.now(ZoneOffset.UTC) : end;
        ObjectNode details = json.createObjectNode().put("endpoint", endpoint)
                .put("from", effectiveStart.toString()).put("to", effectiveEnd.toString());
        return trail.recordAccess(actor, "exported", details)
                .onItem().transformToMulti(recorded -> export.export(actor.tenantId(), effectiveStart, effectiveEnd))
                .map(ExportLine::of);
    }
}
