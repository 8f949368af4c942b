package io.fieldsales.gateway.edge;

import io.fieldsales.gateway.domain.ClientAddresses;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The client's IP. Directly exposed ({@code fieldsales.gateway.edge.behind-proxy=false}), the TCP peer. Behind a
 * load balancer ({@code FIELDSALES_BEHIND_PROXY=true}), the right-most {@code X-Forwarded-For} entry that is not a
 * trusted proxy ({@code FIELDSALES_TRUSTED_PROXIES}), when the peer is a trusted proxy: the left-hand entries are
 * the client's own writing and never chosen over one a proxy of ours wrote ({@link ClientAddresses}). The peer is
 * read from the connection, so Quarkus's own forwarding support (left-most entry) cannot substitute it.
 */
public final class ClientIp {

    private static volatile ClientAddresses rules;

    private ClientIp() {
    }

    public static String of(HttpServerRequest request) {
        if (request == null) {
            return ClientAddresses.UNKNOWN;
        }
        ClientAddresses r = rules();
        List<String> forwarded = request.headers().getAll("X-Forwarded-For");
        return r.client(peer(request), forwarded);
    }

    private static String peer(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        SocketAddress address = connection == null ? request.remoteAddress() : connection.remoteAddress();
        if (address == null) {
            return null;
        }
        return address.hostAddress() != null ? address.hostAddress() : address.host();
    }

    /** Checks and applies the settings at start-up, so a malformed trusted-proxy entry stops the gateway at once. */
    static void configure(boolean behindProxy, List<String> trustedProxies) {
        rules = ClientAddresses.of(behindProxy, trustedProxies);
    }

    /** Normally set by {@link #configure} at start-up; read from the configuration if a request comes first. */
    private static ClientAddresses rules() {
        ClientAddresses r = rules;
        if (r == null) {
            Config config = ConfigProvider.getConfig();
            r = ClientAddresses.of(
                    config.getOptionalValue("fieldsales.gateway.edge.behind-proxy", Boolean.class).orElse(false),
                    config.getOptionalValues("fieldsales.gateway.edge.trusted-proxies", String.class)
                            .orElse(List.of()));
            rules = r;
        }
        return r;
    }
}
