package io.fieldsales.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the gateway ({@code fieldsales.gateway.*}); every value can come from the environment. */
@ConfigMapping(prefix = "fieldsales.gateway")
public interface GatewayConfig {

    Tokens tokens();

    Keys keys();

    BootstrapAdmin bootstrapAdmin();

    Passwords passwords();

    /** Upstream services by name (customer, order, cash, audit). */
    Map<String, Upstream> upstreams();

    RateLimits rateLimits();

    Edge edge();

    /** The merged public OpenAPI document ({@code GET /api/v1/openapi}). */
    PublicApi openapi();

    interface Tokens {
        @WithDefault("fieldsales")
        String issuer();

        @WithDefault("fieldsales-api")
        String audience();

        @WithDefault("PT15M")
        Duration accessTokenLifetime();

        /** How long one refresh token lives unused; each rotation issues a new one, within the absolute lifetime. */
        @WithDefault("P7D")
        Duration refreshTokenLifetime();

        /** How long a login's refresh tokens live at most, from the login: rotation never extends it. */
        @WithDefault("P30D")
        Duration refreshTokenAbsoluteLifetime();

        /** The most a clock may be off: an access token expired this long ago is still accepted, no longer. */
        @WithDefault("PT30S")
        Duration clockSkew();
    }

    interface Keys {
        /** Base64 of 32 bytes: the AES key that encrypts the signing keys' private halves at rest. */
        String encryptionKey();

        /** A new key is published this long before it signs, so every verifier knows it first. */
        @WithDefault("PT10M")
        Duration activationDelay();

        /** A new signing key is made when the newest is older than this. */
        @WithDefault("P30D")
        Duration rotationInterval();

        /** How often each replica reloads the key set from the database. */
        @WithDefault("PT30S")
        Duration refreshInterval();
    }

    interface BootstrapAdmin {
        @WithDefault("platform-admin")
        String username();

        /** Required on the first start; never logged. */
        Optional<String> password();
    }

    interface Passwords {
        /** bcrypt cost; 12 or more (about a quarter of a second per hash on one core). */
        @WithDefault("12")
        int bcryptCost();

        @WithDefault("12")
        int minLength();

        /** At most this many hashes run at once, on worker threads; the rest queue. */
        @WithDefault("4")
        int maxConcurrentHashes();

        /** At most this many hashes wait for a worker; past it a login or password change is a 503 at once. */
        @WithDefault("16")
        int maxQueuedHashes();
    }

    interface Upstream {
        String url();

        /** A request whose response (or the next chunk of it) does not come within this fails with 504. */
        @WithDefault("PT10S")
        Duration timeout();

        @WithDefault("PT2S")
        Duration connectTimeout();

        CircuitBreaker circuitBreaker();

        /** Path of the service's readiness check. */
        @WithDefault("/q/health/ready")
        String readinessPath();

        /**
         * Base URL of the service's management interface, where its readiness check answers (its API port serves
         * nothing of /q/); unset: the readiness path is asked on {@link #url()}.
         */
        Optional<String> managementUrl();
    }

    interface CircuitBreaker {
        /** Requests in the rolling window before the breaker may open. */
        @WithDefault("20")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before it lets a trial request through (half-open). */
        @WithDefault("PT5S")
        Duration delay();

        @WithDefault("2")
        int successThreshold();
    }

    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Requests per client IP per window. */
        Limit perIp();

        Limit perUser();

        Limit perTenant();

        /** Failed logins per (account, client IP) per window: one guesser locks only themself out of one account. */
        Limit loginFailuresPerAccountAndIp();

        /**
         * Failed logins per account ((tenant, username)) from all IPs per window; each time it runs out the account
         * is blocked for a window, then twice as long, and so on up to {@link LoginBackOff#max()}.
         */
        Limit loginFailuresPerAccount();

        /** Failed logins per client IP (IPv6: per /64) per window, whatever the account: a depot's NAT shares it. */
        Limit loginFailuresPerIp();

        LoginBackOff loginBackOff();

        /** When set (redis://host:port), limits are shared by every gateway replica through Redis. */
        Optional<String> redisUrl();

        /** Redis calls that take longer fail open (the request is allowed and the failure logged). */
        @WithDefault("PT0.5S")
        Duration redisTimeout();
    }

    /** The growing wait of an account whose own failed-login budget ran out. */
    interface LoginBackOff {
        /** The longest block (the wait doubles with each exhaustion up to this). */
        @WithDefault("PT15M")
        Duration max();

        /** Without a new exhaustion for this long (or after a successful login), the wait starts again from one window. */
        @WithDefault("PT30M")
        Duration quietPeriod();
    }

    interface Limit {
        long capacity();

        Duration window();
    }

    interface Edge {
        @WithName("content-security-policy")
        @WithDefault("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
        String contentSecurityPolicy();

        /**
         * Behind a load balancer: the client is the right-most X-Forwarded-For entry that is not a trusted proxy
         * (the peer must be a trusted proxy too); otherwise the client is the peer and X-Forwarded-For is ignored.
         */
        @WithDefault("false")
        boolean behindProxy();

        /** Addresses and CIDR ranges (IPv4 and IPv6) of the proxies in front of the gateway. */
        @WithDefault("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,127.0.0.0/8,::1/128,fc00::/7")
        List<String> trustedProxies();

        /** Upstreams whose readiness the gateway's readiness requires (empty: all of them). */
        Optional<List<String>> requiredUpstreams();
    }

    interface PublicApi {
        /** The servers entry of the merged document: the gateway's public base URL ({@code /}: where it was served). */
        @WithDefault("/")
        String serverUrl();

        /** A complete merged document is rebuilt (upstreams asked again) when older than this. */
        @WithDefault("PT1M")
        Duration refreshInterval();

        /** ... and one missing an unreachable upstream's paths when older than this. */
        @WithDefault("PT10S")
        Duration retryInterval();

        /** Each upstream's document must arrive within this, or its paths are left out this time. */
        @WithDefault("PT2S")
        Duration fetchTimeout();

        /** Path of an upstream's document on its management interface. */
        @WithDefault("/q/openapi?format=json")
        String documentPath();
    }
}
