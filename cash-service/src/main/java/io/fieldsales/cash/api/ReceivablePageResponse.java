package io.fieldsales.cash.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A page of receivables, the next cursor, and the open amounts of the whole filter per ageing bucket. */
public record ReceivablePageResponse(List<ReceivableResponse> items, String nextCursor, Map<String, BigDecimal> ageing) {
}
