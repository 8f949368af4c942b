package io.fieldsales.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * For {@code *IT} ({@code @QuarkusIntegrationTest}): gives the packaged service's management interface a free port
 * chosen up front, since the test cannot learn a port the service picks itself ({@code @QuarkusTest} uses
 * {@code quarkus.management.test-port=0} instead). {@link #url()} is its base URL.
 */
public class ManagementPortResource implements QuarkusTestResourceLifecycleManager {

    static final String PORT = "fieldsales.test.management-port";

    @Override
    public Map<String, String> start() {
        int port = freePort();
        System.setProperty(PORT, Integer.toString(port));
        // The API port is fixed too: with one port chosen by the OS (0) and the other fixed, Quarkus's Micrometer
        // binder tags the two servers' meters differently (server.port only on the fixed one) and Prometheus
        // refuses the second registration, which stops the HTTP server from starting. Production ports are fixed.
        return Map.of("quarkus.management.port", Integer.toString(port),
                "quarkus.management.test-port", Integer.toString(port),
                "quarkus.http.port", Integer.toString(freePort()));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void stop() {
        System.clearProperty(PORT);
    }

    /** http://localhost:PORT of the management interface of the service under test. */
    public static String url() {
        return "http://localhost:" + System.getProperty(PORT);
    }
}
