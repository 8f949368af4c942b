package io.fieldsales.cash.api;

import java.util.List;

/** A page of deposits and the next cursor. */
public record DepositPageResponse(List<DepositResponse> items, String nextCursor) {
}
