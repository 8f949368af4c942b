package io.fieldsales.platform.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Secrets and personal data made recognisable, for tests that drive a service with them and then assert none of
 * them reached a log line, a span attribute or a metric label ({@link LogCapture}, {@link TestSpans},
 * {@link MetricLabels}).
 */
public record MarkedValues(String password, String email, String phone, String name, String token) {

    /** Fresh values; the token is the caller's bearer token (pass the one the test uses), or null. */
    public static MarkedValues fresh(String token) {
        String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new MarkedValues("Pw-" + mark + "-Secret!", "pii." + mark + "@example.com",
                "+49176" + (1_000_000 + r.nextInt(8_999_999)), "Marked Zebulon" + mark.substring(0, 6), token);
    }

    /** Every marked value, and the token's signature (the part that makes it a credential). */
    public List<String> all() {
        var values = new java.util.ArrayList<>(List.of(password, email, phone, name));
        if (token != null) {
            values.add(token);
            values.add(token.substring(token.lastIndexOf('.') + 1));
        }
        return values;
    }
}
