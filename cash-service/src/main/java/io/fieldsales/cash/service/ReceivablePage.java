package io.fieldsales.cash.service;

import io.fieldsales.cash.domain.Receivable;
import java.time.LocalDate;
import java.util.List;

/** One page of receivables, the next cursor, and the day their ageing is measured on. */
public record ReceivablePage(List<Receivable> items, String nextCursor, LocalDate today) {
}
