package io.fieldsales.cash.service;

import java.util.List;

/** One page of sessions as one reader may see them, and the cursor of the next page (null on the last). */
public record SessionPage(List<SessionView> items, String nextCursor) {
}
