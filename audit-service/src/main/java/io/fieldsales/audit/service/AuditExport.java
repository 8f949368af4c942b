package io.fieldsales.audit.service;

import io.fieldsales.audit.domain.AuditRecord;
import io.fieldsales.audit.repository.AuditEventRepository;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Streams a tenant's records (received in a time window) page by page, never holding the whole export. */
@ApplicationScoped
public class AuditExport {

    static final int PAGE = 1000;

    @Inject
    Pool pool;

    @Inject
    AuditEventRepository events;

    /** The records received in [from, to), in chain order, read page by page. */
    public Multi<AuditRecord> export(UUID tenantId, OffsetDateTime from, OffsetDateTime to) {
        AtomicLong after = new AtomicLong(0);
        return Multi.createBy().repeating()
                .uni(() -> events.receivedBetween(pool, tenantId, from, to, after.get(), PAGE)
                        .onItem().invoke(page -> {
                            if (!page.isEmpty()) {
                                after.set(page.get(page.size() - 1).sequence());
                            }
                        }))
                .until(List::isEmpty)
                .onItem().transformToIterable(page -> page);
    }


}
