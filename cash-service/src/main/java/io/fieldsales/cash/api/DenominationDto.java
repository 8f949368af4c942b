package io.fieldsales.cash.api;

import java.math.BigDecimal;

/** A note or coin value and how many of it were counted. */
public record DenominationDto(BigDecimal value, Long count) {
}
