package io.fieldsales.gateway.edge;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's IP: the peer address, which Quarkus replaces with the X-Forwarded-For client only when the peer is
 * a trusted proxy ({@code quarkus.http.proxy.*}); a client cannot pick its own IP.
 */
public final class ClientIp {

    private ClientIp() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        String host = address == null ? null : address.hostAddress();
        if (host == null && address != null) {
            host = address.host();
        }
        return host == null ? "unknown" : host;
    }
}
