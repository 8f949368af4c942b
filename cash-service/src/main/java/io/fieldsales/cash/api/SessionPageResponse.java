package io.fieldsales.cash.api;

import java.util.List;

/** A page of sessions (blind count applied per item) and the next cursor. */
public record SessionPageResponse(List<SessionResponse> items, String nextCursor) {
}
