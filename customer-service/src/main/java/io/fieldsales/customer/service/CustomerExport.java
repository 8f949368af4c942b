package io.fieldsales.customer.service;

import io.fieldsales.customer.domain.Customer;
import io.fieldsales.customer.repository.CustomerReads;
import java.time.Instant;
import java.util.List;

/** Everything the service holds about a customer (GDPR access): the record, its history and its contacts. */
public record CustomerExport(Customer customer, String mergeConflictsJson, List<CustomerReads.HistoryRow> history,
        List<CustomerReads.ReservationRow> reservations, Instant exportedAt) {
}
