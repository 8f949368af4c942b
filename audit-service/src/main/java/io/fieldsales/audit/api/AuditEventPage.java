package io.fieldsales.audit.api;

import java.util.List;

/** A page of audit records and the cursor of the next one (null at the end). */
public record AuditEventPage(List<AuditEventView> items, String nextCursor) {
}
