package io.fieldsales.cash.service;

import io.fieldsales.cash.domain.CashCount;
import io.fieldsales.cash.domain.CashSession;
import io.fieldsales.cash.domain.VarianceDecision;
import java.util.List;

/**
 * A session as one reader may see it: {@code blind} when the reader is its owner and the count is not decided
 * yet, in which case the expected cash, the variance and the running totals must not reach them.
 */
public record SessionView(CashSession session, List<CashCount> counts, List<VarianceDecision> decisions,
        boolean blind) {
}
