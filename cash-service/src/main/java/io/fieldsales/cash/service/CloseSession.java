package io.fieldsales.cash.service;

import io.fieldsales.cash.domain.Denominations;
import java.math.BigDecimal;
import java.util.List;

/** A count handed in: the counted cash and, optionally, its notes and coins. */
public record CloseSession(BigDecimal countedCash, List<Denominations.Line> denominations) {
}
