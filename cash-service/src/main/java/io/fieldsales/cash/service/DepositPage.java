package io.fieldsales.cash.service;

import java.util.List;

/** One page of deposits and the next cursor. */
public record DepositPage(List<DepositView> items, String nextCursor) {
}
