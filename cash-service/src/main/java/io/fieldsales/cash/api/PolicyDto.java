package io.fieldsales.cash.api;

import java.math.BigDecimal;

/** {@code GET/PUT /api/v1/cash-policies}. */
public record PolicyDto(BigDecimal autoAcceptBelow, BigDecimal supervisorBelow, Integer creditDays,
        Integer depositConfirmDays) {
}
