package io.fieldsales.gateway.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A failed-login budget ran out: further attempts get 429 for {@code retryAfterSeconds}. {@code scope} is the budget:
 * {@code account_ip} (this account from this IP only), {@code account} (the account from every IP; the block grows
 * with each exhaustion) or {@code ip} (every account from this IP, an IPv6 client's /64; no tenant, no account).
 * {@code failures} per {@code windowSeconds} is the budget's size.
 */
public record AccountLocked(UUID tenantId, String tenant, String username, String scope, String clientIp,
        long failures, long windowSeconds, long retryAfterSeconds, Instant at) {
}
