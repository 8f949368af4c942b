package io.fieldsales.gateway.service;

import io.fieldsales.gateway.config.GatewayConfig.Limit;
import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.LimitSpec;
import io.fieldsales.gateway.domain.Verdict;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The gateway's limits: requests per client IP, per user and per tenant, and failed logins per (tenant, username)
 * and per IP. In memory by default; shared through Redis when {@code fieldsales.gateway.rate-limits.redis-url} is
 * set.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private RateLimiter limiter;
    private LimitSpec perIp;
    private LimitSpec perUser;
    private LimitSpec perTenant;
    private LimitSpec loginPerAccount;
    private LimitSpec loginPerIp;
    private long evictionTimer = -1;

    void start(@Observes StartupEvent event) {
        GatewayConfig.RateLimits c = config.rateLimits();
        perIp = spec("ip", c.perIp());
        perUser = spec("user", c.perUser());
        perTenant = spec("tenant", c.perTenant());
        loginPerAccount = spec("login-account", c.loginFailuresPerAccount());
        loginPerIp = spec("login-ip", c.loginFailuresPerIp());
        if (c.redisUrl().isPresent()) {
            try {
                limiter = new RedisRateLimiter(c.redisUrl().get(), c.redisTimeout());
                LOG.info("Rate limits shared through Redis");
            } catch (RuntimeException e) {
                LOG.errorf("Cannot reach Redis for shared rate limits (%s); limiting per instance", e.toString());
            }
        }
        if (limiter == null) {
            InMemoryRateLimiter local = new InMemoryRateLimiter();
            Map<String, LimitSpec> byName = Map.of(perIp.name(), perIp, perUser.name(), perUser, perTenant.name(),
                    perTenant, loginPerAccount.name(), loginPerAccount, loginPerIp.name(), loginPerIp);
            evictionTimer = vertx.setPeriodic(30_000, id -> local.evictIdle(byName));
            limiter = local;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (evictionTimer >= 0) {
            vertx.cancelTimer(evictionTimer);
        }
        if (limiter != null) {
            limiter.close();
        }
    }

    public boolean enabled() {
        return config.rateLimits().enabled();
    }

    public Uni<Verdict> perIp(String ip) {
        return limiter.tryConsume(ip, perIp, 1);
    }

    public Uni<Verdict> perUser(String userId) {
        return limiter.tryConsume(userId, perUser, 1);
    }

    public Uni<Verdict> perTenant(UUID tenantId) {
        return limiter.tryConsume(tenantId.toString(), perTenant, 1);
    }

    /**
     * Checks the per-IP, per-user and per-tenant buckets in turn and emits the first refusal, or the per-IP verdict
     * (for the RateLimit-* headers) when all allow. A refused request does not take from the later buckets.
     */
    public Uni<Verdict> forRequest(String ip, String userId, UUID tenantId) {
        return perIp(ip).chain(ipVerdict -> {
            if (!ipVerdict.allowed() || userId == null) {
                return Uni.createFrom().item(ipVerdict);
            }
            return perUser(userId).chain(userVerdict -> {
                if (!userVerdict.allowed() || tenantId == null) {
                    return Uni.createFrom().item(userVerdict.allowed() ? ipVerdict : userVerdict);
                }
                return perTenant(tenantId).map(t -> t.allowed() ? ipVerdict : t);
            });
        });
    }

    /**
     * Reserves one failed-login token from the account's and the IP's buckets before the password is checked, so
     * concurrent guesses cannot exceed the limit; a successful login gives both back ({@link #loginSucceeded}).
     * Refused when either bucket is empty (the other's token is given back).
     */
    public Uni<LoginAttempt> reserveLoginAttempt(String tenant, String username, String ip) {
        String account = accountKey(tenant, username);
        return limiter.tryConsume(account, loginPerAccount, 1).chain(byAccount -> {
            if (!byAccount.allowed()) {
                return Uni.createFrom().item(new LoginAttempt(false, byAccount, null));
            }
            return limiter.tryConsume(ip, loginPerIp, 1).chain(byIp -> byIp.allowed()
                    ? Uni.createFrom().item(new LoginAttempt(true, byAccount, byIp))
                    : limiter.refund(account, loginPerAccount, 1)
                            .replaceWith(new LoginAttempt(false, byIp, null)));
        });
    }

    /** A correct password: the reserved tokens go back, successes never count. */
    public Uni<Void> loginSucceeded(String tenant, String username, String ip) {
        return limiter.refund(accountKey(tenant, username), loginPerAccount, 1)
                .chain(() -> limiter.refund(ip, loginPerIp, 1));
    }

    public LimitSpec perIpSpec() {
        return perIp;
    }

    /** For tests: a limiter of the same kind and limits as the gateway's. */
    public RateLimiter limiter() {
        return limiter;
    }

    private static String accountKey(String tenant, String username) {
        return (tenant == null ? "platform" : tenant.toLowerCase(Locale.ROOT)) + '/'
                + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static LimitSpec spec(String name, Limit limit) {
        return new LimitSpec(name, limit.capacity(), limit.window());
    }

    /**
     * A reserved login attempt. When refused, {@code first} is the verdict of the exhausted bucket; when allowed,
     * {@code first}/{@code second} are the account's and the IP's verdicts (remaining 0: this attempt is the last
     * one of the window, and a failure locks).
     */
    public record LoginAttempt(boolean allowed, Verdict first, Verdict second) {

        public java.util.List<Verdict> exhausted() {
            return java.util.stream.Stream.of(first, second)
                    .filter(v -> v != null && v.allowed() && v.remaining() == 0).toList();
        }
    }
}
