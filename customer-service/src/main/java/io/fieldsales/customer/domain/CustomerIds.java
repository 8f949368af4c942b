package io.fieldsales.customer.domain;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Makes customer ids as UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Ids sort by creation
 * time, so the primary-key index stays compact under inserts and keyset pages in id order follow creation order.
 */
public final class CustomerIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CustomerIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (epochMillis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
