package io.fieldsales.gateway.api;

import java.util.List;

/** A page of tenants by slug; {@code nextCursor} (opaque) fetches the next one, null on the last page. */
public record TenantPage(List<TenantView> items, String nextCursor) {
}
