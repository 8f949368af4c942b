package io.fieldsales.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reserves a free loopback port per upstream and points the gateway at them; tests start servers there. */
public class UpstreamPortsResource implements QuarkusTestResourceLifecycleManager {

    public static final List<String> UPSTREAMS = List.of("customer", "order", "cash", "audit");

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String name : UPSTREAMS) {
            config.put("fieldsales.gateway.upstreams." + name + ".url", "http://127.0.0.1:" + freePort());
        }
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
