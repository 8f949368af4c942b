package io.fieldsales.gateway.service;

import io.fieldsales.gateway.config.GatewayConfig;
import io.fieldsales.gateway.domain.AppUser;
import io.fieldsales.gateway.domain.OpaqueTokens;
import io.fieldsales.gateway.domain.RefreshToken;
import io.fieldsales.gateway.domain.Tenant;
import io.fieldsales.gateway.events.AccountLocked;
import io.fieldsales.gateway.events.LoginFailed;
import io.fieldsales.gateway.events.RefreshTokenReused;
import io.fieldsales.gateway.events.SecurityEventTypes;
import io.fieldsales.gateway.repository.Accounts;
import io.fieldsales.gateway.repository.RefreshTokens;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.outbox.OutboxEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Login, refresh-token rotation with reuse detection, and logout.
 *
 * <p>Login answers the same 401 {@code invalid_credentials} for an unknown tenant or user, a wrong password and a
 * disabled user or tenant, after the same work: a bcrypt check always runs (against a decoy hash when there is no
 * user), and the database lookups are the same queries in every case. The database connection is not held while
 * bcrypt runs.
 */
@ApplicationScoped
public class AuthService {

    @Inject
    GatewayConfig config;

    @Inject
    PasswordHasher hasher;

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    RateLimits rateLimits;

    @Inject
    SecurityEvents securityEvents;

    @Inject
    MeterRegistry metrics;

    @Inject
    Accounts accounts;

    @Inject
    RefreshTokens refreshTokens;

    private record Account(Tenant tenant, AppUser user) {
    }

    /** Signs in with a tenant's slug ({@code null} for platform users), a username and a password. */
    public Uni<IssuedTokens> login(String tenant, String rawUsername, String password, String clientIp) {
        String tenantSlug = tenant == null || tenant.isBlank() ? null : tenant.trim().toLowerCase(Locale.ROOT);
        String username = rawUsername.trim().toLowerCase(Locale.ROOT);
        String account = LoginThrottle.accountKey(tenantSlug, username);
        return rateLimits.logins().reserve(account, clientIp).chain(attempt -> {
            if (!attempt.allowed()) {
                long retryAfter = attempt.retryAfterSeconds();
                return securityEvents.record(loginFailed(null, tenantSlug, username, null, "locked",
                                attempt.refusedBy().scope(), clientIp))
                        .chain(() -> Uni.createFrom().failure(new ProblemException(ErrorCode.RATE_LIMITED,
                                "Too many failed logins; try again later")
                                .with("limit", attempt.refusedBy().limitName())
                                .withHeader("Retry-After", Long.toString(retryAfter))));
            }
            return findAccount(tenantSlug, username)
                    .chain(found -> hasher.verify(password,
                                    found.user() == null ? null : found.user().passwordHash)
                            .chain(matches -> {
                                String failure = failureReason(tenantSlug, found, matches);
                                if (failure != null) {
                                    return rateLimits.logins().failed(attempt).chain(lockouts -> loginFailure(
                                            found, tenantSlug, username, failure, clientIp, attempt, lockouts));
                                }
                                metrics.counter("fieldsales.gateway.logins", "outcome", "success").increment();
                                return rateLimits.logins().succeeded(attempt)
                                        .chain(() -> issueTokens(found.user(), UUID.randomUUID()));
                            }));
        });
    }

    private static String failureReason(String tenantSlug, Account account, boolean matches) {
        if (tenantSlug != null && account.tenant() == null) {
            return "unknown_tenant";
        }
        if (account.user() == null) {
            return "unknown_user";
        }
        if (!matches) {
            return "wrong_password";
        }
        if (account.user().disabled) {
            return "disabled_user";
        }
        if (account.tenant() != null && account.tenant().disabled) {
            return "disabled_tenant";
        }
        return null;
    }

    private Uni<Account> findAccount(String tenantSlug, String username) {
        return Panache.withSession(() -> {
            if (tenantSlug == null) {
                return accounts.platformUser(username).map(user -> new Account(null, user));
            }
            return accounts.tenantBySlug(tenantSlug)
                    .chain(tenant -> accounts.tenantUser(tenant == null ? new UUID(0, 0) : tenant.id, username)
                            .map(user -> new Account(tenant, user)));
        });
    }

    private Uni<IssuedTokens> loginFailure(Account account, String tenantSlug, String username, String reason,
            String clientIp, LoginThrottle.Attempt attempt, List<LoginThrottle.Lockout> lockouts) {
        metrics.counter("fieldsales.gateway.logins", "outcome", "failure").increment();
        UUID tenantId = account.tenant() == null ? null : account.tenant().id;
        UUID userId = account.user() == null ? null : account.user().id;
        return Uni.createFrom().voidItem().chain(() -> {
            List<OutboxEvent> events = new ArrayList<>();
            events.add(loginFailed(tenantId, tenantSlug, username, userId, reason, null, clientIp));
            for (LoginThrottle.Lockout lockout : lockouts) {
                boolean ip = lockout.budget() == LoginThrottle.Budget.IP;
                // a per-IP lock concerns no account: it is the platform's, keyed by the IP (an IPv6 client's /64)
                events.add(SecurityEvents.event(SecurityEventTypes.ACCOUNT_LOCKED, ip ? "client_ip" : "account",
                        ip ? "ip/" + attempt.ipKey() : accountId(tenantSlug, username), ip ? null : tenantId, null,
                        new AccountLocked(ip ? null : tenantId, ip ? null : tenantSlug, ip ? null : username,
                                lockout.budget().scope(), clientIp, lockout.failures(), lockout.windowSeconds(),
                                lockout.retryAfterSeconds(), Instant.now())));
            }
            return securityEvents.record(events);
        }).chain(() -> Uni.createFrom().failure(ProblemException.of(401, "invalid_credentials",
                "Invalid credentials", "The tenant, username or password is wrong, or the account is disabled")
                .withHeader("WWW-Authenticate", "Bearer")));
    }

    /**
     * Keyed and subject {@code <tenant slug or platform>/<username>} (lower-cased), also when the tenant or the user
     * does not exist, so the platform chain of tenantless events is searchable by account; never the password.
     */
    private static OutboxEvent loginFailed(UUID tenantId, String tenantSlug, String username, UUID userId,
            String reason, String budget, String clientIp) {
        return SecurityEvents.event(SecurityEventTypes.LOGIN_FAILED, "account", accountId(tenantSlug, username),
                tenantId, userId == null ? null : userId.toString(),
                new LoginFailed(tenantId, tenantSlug, username, userId, reason, budget, clientIp, Instant.now()));
    }

    private static String accountId(String tenantSlug, String username) {
        return LoginThrottle.accountKey(tenantSlug, username);
    }

    /** Starts or continues a refresh-token family for the user and signs an access token. */
    private Uni<IssuedTokens> issueTokens(AppUser user, UUID familyId) {
        String refresh = OpaqueTokens.newToken();
        OffsetDateTime familyExpiresAt = OffsetDateTime.now(ZoneOffset.UTC)
                .plus(config.tokens().refreshTokenAbsoluteLifetime());
        return Panache.withTransaction(() -> newRefreshToken(user, familyId, familyExpiresAt, refresh).persist())
                .map(saved -> {
                    AccessTokenIssuer.IssuedToken access = issuer.issue(user);
                    return new IssuedTokens(access.token(), refresh, access.expiresInSeconds());
                });
    }

    /** A token of the family, living its own lifetime but never past the family's end. */
    private RefreshToken newRefreshToken(AppUser user, UUID familyId, OffsetDateTime familyExpiresAt, String value) {
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.familyId = familyId;
        token.userId = user.id;
        token.tenantId = user.tenantId;
        token.tokenHash = OpaqueTokens.hash(value);
        OffsetDateTime own = OffsetDateTime.now(ZoneOffset.UTC).plus(config.tokens().refreshTokenLifetime());
        token.familyExpiresAt = familyExpiresAt;
        token.expiresAt = own.isBefore(familyExpiresAt) ? own : familyExpiresAt;
        return token;
    }

    private sealed interface RefreshOutcome permits Rotated, Refused {
    }

    private record Rotated(AppUser user, String newRefreshToken) implements RefreshOutcome {
    }

    private record Refused(String why) implements RefreshOutcome {
    }

    /**
     * Exchanges a refresh token for a new pair. The exchange is a compare-and-set on the token row (not rotated, not
     * revoked, not expired), so of two concurrent exchanges of one token exactly one wins; the loser, and anyone
     * presenting an already rotated token later, triggers reuse detection: the whole family is revoked and a
     * security event is written, in one transaction.
     */
    public Uni<IssuedTokens> refresh(String refreshToken, String clientIp) {
        if (!OpaqueTokens.wellFormed(refreshToken)) {
            return Uni.createFrom().failure(invalidRefreshToken());
        }
        byte[] hash = OpaqueTokens.hash(refreshToken);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.<RefreshOutcome>withTransaction(() -> refreshTokens.rotateIfUsable(hash, now)
                        .chain(updated -> updated == 1 ? rotate(hash) : detectReuse(hash, clientIp)))
                .chain(outcome -> {
                    if (outcome instanceof Rotated r) {
                        AccessTokenIssuer.IssuedToken access = issuer.issue(r.user());
                        return Uni.createFrom().item(new IssuedTokens(access.token(), r.newRefreshToken(),
                                access.expiresInSeconds()));
                    }
                    return Uni.createFrom().failure(invalidRefreshToken());
                });
    }

    private Uni<RefreshOutcome> rotate(byte[] hash) {
        return refreshTokens.byHash(hash)
                .chain(old -> accounts.user(old.userId).chain(user -> tenantActive(user).chain(active -> {
                    if (user == null || user.disabled || !active) {
                        return refreshTokens.revokeFamily(old.familyId, OffsetDateTime.now(ZoneOffset.UTC))
                                .replaceWith((RefreshOutcome) new Refused("account disabled"));
                    }
                    String next = OpaqueTokens.newToken();
                    return newRefreshToken(user, old.familyId, old.familyExpiresAt, next).persist()
                            .replaceWith((RefreshOutcome) new Rotated(user, next));
                })));
    }

    private Uni<Boolean> tenantActive(AppUser user) {
        if (user == null || user.tenantId == null) {
            return Uni.createFrom().item(true);
        }
        return accounts.tenant(user.tenantId).map(t -> t != null && !t.disabled);
    }

    private Uni<RefreshOutcome> detectReuse(byte[] hash, String clientIp) {
        return refreshTokens.byHash(hash).chain(token -> {
            if (token == null || token.rotatedAt == null) {
                return Uni.createFrom().item((RefreshOutcome) new Refused("unknown, expired or revoked"));
            }
            Instant at = Instant.now();
            return refreshTokens.revokeFamily(token.familyId, OffsetDateTime.now(ZoneOffset.UTC))
                    .chain(() -> securityEvents.appendInTransaction(SecurityEvents.event(
                            SecurityEventTypes.REFRESH_TOKEN_REUSED, "refresh_token_family",
                            token.familyId.toString(), token.tenantId, token.userId.toString(),
                            new RefreshTokenReused(token.tenantId, token.userId, token.familyId, clientIp, at))))
                    .replaceWith((RefreshOutcome) new Refused("reused"));
        });
    }

    /** Revokes the token's whole family (this device's session); unknown tokens are a no-op. */
    public Uni<Void> logout(String refreshToken) {
        if (!OpaqueTokens.wellFormed(refreshToken)) {
            return Uni.createFrom().voidItem();
        }
        byte[] hash = OpaqueTokens.hash(refreshToken);
        return Panache.withTransaction(() -> refreshTokens.byHash(hash)
                .chain(token -> token == null ? Uni.createFrom().voidItem()
                        : refreshTokens.revokeFamily(token.familyId, OffsetDateTime.now(ZoneOffset.UTC))
                                .replaceWithVoid()));
    }

    private static ProblemException invalidRefreshToken() {
        return ProblemException.of(401, "invalid_refresh_token", "Invalid refresh token",
                "The refresh token is unknown, expired, revoked or was already used; sign in again")
                .withHeader("WWW-Authenticate", "Bearer");
    }
}
