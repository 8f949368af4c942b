package io.fieldsales.customer.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.fieldsales.customer.service.CustomerExport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The GDPR access document: the customer, the merge conflicts it keeps, its change history and its contacts. */
public record CustomerExportResponse(CustomerResponse customer, @JsonRawValue String mergeConflicts,
        List<HistoryEntry> history, List<ContactReservation> contactReservations, Instant exportedAt) {

    /** One change: who, when, what. */
    public record HistoryEntry(UUID id, long version, String action, String changedBy, Instant changedAt,
            String requestId, @JsonRawValue String changes) {
    }

    /** A contact reserved for the customer: its kind, canonical value, who reserved it first, and when. */
    public record ContactReservation(String kind, String canonicalValue, UUID originCustomerId, Instant reservedAt) {
    }

    static CustomerExportResponse of(CustomerExport e) {
        return new CustomerExportResponse(CustomerResponse.of(e.customer()), e.mergeConflictsJson(),
                e.history().stream().map(h -> new HistoryEntry(h.id(), h.version(), h.action(), h.changedBy(),
                        h.changedAt(), h.requestId(), h.changesJson())).toList(),
                e.reservations().stream().map(r -> new ContactReservation(r.kind(), r.canonicalValue(),
                        r.originCustomerId(), r.reservedAt())).toList(), e.exportedAt());
    }
}
