package io.fieldsales.cash.api;

import java.math.BigDecimal;
import java.util.List;

/** {@code POST /api/v1/cash-sessions/{id}/close}. */
public record CloseRequest(BigDecimal countedCash, List<DenominationDto> denominations) {
}
