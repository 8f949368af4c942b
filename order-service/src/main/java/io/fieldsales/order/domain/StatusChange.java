package io.fieldsales.order.domain;

import java.time.Instant;

/** One entry of an order's status history. */
public record StatusChange(String from, String to, String actorId, String reason, Instant at) {
}
