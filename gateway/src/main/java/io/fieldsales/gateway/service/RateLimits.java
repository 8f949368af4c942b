package io.fieldsales.gateway.service;

import io.fieldsales.gateway.config.GatewayConfig.Limit;
import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.ClientAddresses;
import io.fieldsales.gateway.domain.LimitSpec;
import io.fieldsales.gateway.domain.Verdict;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The gateway's limits: requests per client IP (IPv6: per /64), per user and per tenant, and the failed-login
 * budgets ({@link LoginThrottle}). In memory by default; shared through Redis when {@code fieldsales.gateway.rate-limits.redis-url} is
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
    private LoginThrottle logins;
    private long evictionTimer = -1;

    void start(@Observes StartupEvent event) {
        GatewayConfig.RateLimits c = config.rateLimits();
        perIp = spec("ip", c.perIp());
        perUser = spec("user", c.perUser());
        perTenant = spec("tenant", c.perTenant());
        if (c.redisUrl().isPresent()) {
            try {
                limiter = new RedisRateLimiter(c.redisUrl().get(), c.redisTimeout());
                LOG.info("Rate limits shared through Redis");
            } catch (RuntimeException e) {
                LOG.errorf("Cannot reach Redis for shared rate limits (%s); limiting per instance", e.toString());
            }
        }
        if (limiter == null) {
            limiter = new InMemoryRateLimiter();
        }
        logins = new LoginThrottle(limiter,
                LoginThrottle.accountAndIpSpec(c.loginFailuresPerAccountAndIp().capacity(),
                        c.loginFailuresPerAccountAndIp().window()),
                LoginThrottle.accountSpec(c.loginFailuresPerAccount().capacity(), c.loginFailuresPerAccount().window()),
                LoginThrottle.ipSpec(c.loginFailuresPerIp().capacity(), c.loginFailuresPerIp().window()),
                c.loginBackOff().max(), c.loginBackOff().quietPeriod());
        if (limiter instanceof InMemoryRateLimiter local) {
            Map<String, LimitSpec> byName = new java.util.HashMap<>(Map.of(perIp.name(), perIp, perUser.name(),
                    perUser, perTenant.name(), perTenant));
            logins.specs().forEach(spec -> byName.put(spec.name(), spec));
            evictionTimer = vertx.setPeriodic(30_000, id -> local.evictIdle(byName));
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

    /** One request from the client: an IPv4 address's budget, or an IPv6 address's /64's. */
    public Uni<Verdict> perIp(String ip) {
        return limiter.tryConsume(ClientAddresses.rateLimitKey(ip), perIp, 1);
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

    /** The failed-login budgets (per account and IP, per account with back-off, per IP). */
    public LoginThrottle logins() {
        return logins;
    }

    public LimitSpec perIpSpec() {
        return perIp;
    }

    /** For tests: a limiter of the same kind and limits as the gateway's. */
    public RateLimiter limiter() {
        return limiter;
    }

    private static LimitSpec spec(String name, Limit limit) {
        return new LimitSpec(name, limit.capacity(), limit.window());
    }
}
