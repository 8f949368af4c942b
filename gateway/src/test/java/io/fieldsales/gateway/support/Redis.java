package io.fieldsales.gateway.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;

/** The machine's Redis (127.0.0.1:6379 unless {@code -Dfieldsales.test.redis-url}), for the shared-limiter tests. */
public final class Redis {

    public static final String URL = System.getProperty("fieldsales.test.redis-url", "redis://127.0.0.1:6379");

    private Redis() {
    }

    /**
     * Build machines run a Redis (CI=true): there a missing one is a broken build, not a skipped test. On a
     * developer's machine without Redis the test skips itself.
     */
    public static void require() {
        boolean reachable = reachable();
        if (!reachable && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but no Redis answers at " + URL);
        }
        Assumptions.assumeTrue(reachable, "no Redis at " + URL);
    }

    private static boolean reachable() {
        URI uri = URI.create(URL);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
