package io.fieldsales.audit.api;

import io.fieldsales.audit.service.AuditReader;

import java.util.List;

/** A page of audit records and the cursor of the next one (null at the end). */
public record AuditEventPage(List<AuditEventView> items, String nextCursor) {

    static AuditEventPage of(AuditReader.Page page) {
        return new AuditEventPage(page.items().stream().map(AuditEventView::of).toList(), page.nextCursor());
    }
}
