package io.fieldsales.gateway.proxy;

import io.vertx.httpproxy.ProxyResponse;

/** The upstream answered 502/503/504: counted as a failure by the circuit breaker, its answer still passed on. */
final class UpstreamFailure extends RuntimeException {

    final transient ProxyResponse response;

    UpstreamFailure(ProxyResponse response) {
        super("upstream answered " + response.getStatusCode(), null, false, false);
        this.response = response;
    }
}
