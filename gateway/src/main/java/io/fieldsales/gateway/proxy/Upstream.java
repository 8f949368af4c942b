package io.fieldsales.gateway.proxy;

import io.fieldsales.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import java.net.ConnectException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One service behind the gateway: its HTTP client (connection pool), its timeouts and its circuit breaker
 * (SmallRye Fault Tolerance, programmatic: one breaker per upstream, so a dead service never slows the others).
 */
public final class Upstream {

    private final String name;
    private final URI base;
    private final SocketAddress address;
    private final GatewayConfig.Upstream config;
    private final HttpClient client;
    private final TypedGuard<CompletionStage<ProxyResponse>> guard;
    private final AtomicReference<CircuitBreakerState> state = new AtomicReference<>(CircuitBreakerState.CLOSED);

    Upstream(Vertx vertx, String name, GatewayConfig.Upstream config) {
        this.name = name;
        this.config = config;
        this.base = URI.create(config.url());
        int port = base.getPort() > 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        this.address = SocketAddress.inetSocketAddress(port, base.getHost());
        HttpClientOptions options = new HttpClientOptions()
                .setSsl("https".equals(base.getScheme()))
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setDecompressionSupported(false)
                .setTryUseCompression(false)
                .setName("upstream-" + name);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(200));
        GatewayConfig.CircuitBreaker cb = config.circuitBreaker();
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() { })
                .withDescription("upstream " + name)
                .withCircuitBreaker()
                .requestVolumeThreshold(cb.requestVolumeThreshold())
                .failureRatio(cb.failureRatio())
                .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(cb.successThreshold())
                // connection failures, timeouts and 502/503/504 answers count; a 4xx or a 500 bug does not
                .failOn(List.of(ConnectException.class, TimeoutException.class, UpstreamFailure.class,
                        io.vertx.core.VertxException.class, io.netty.channel.ConnectTimeoutException.class))
                .skipOn(LimitedBody.PayloadTooLargeException.class)
                .onStateChange(state::set)
                .done()
                .withThreadOffload(false)
                .build();
    }

    public String name() {
        return name;
    }

    public URI base() {
        return base;
    }

    HttpClient client() {
        return client;
    }

    TypedGuard<CompletionStage<ProxyResponse>> guard() {
        return guard;
    }

    GatewayConfig.Upstream config() {
        return config;
    }

    public CircuitBreakerState circuitState() {
        return state.get();
    }

    /** The options of a request to this upstream: its address and timeouts. */
    RequestOptions requestOptions() {
        return new RequestOptions()
                .setServer(address)
                .setHost(base.getHost())
                .setPort(address.port())
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.timeout().toMillis());
    }

    /** Seconds a client should wait before retrying after this upstream failed. */
    long retryAfterSeconds() {
        return Math.max(1, (config.circuitBreaker().delay().toMillis() + 999) / 1000);
    }

    void close() {
        client.close();
    }
}
