package io.fieldsales.gateway.service;

import io.fieldsales.gateway.domain.ClientAddresses;
import io.fieldsales.gateway.domain.LimitSpec;
import io.fieldsales.gateway.domain.Verdict;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Failed-login budgets, three of them so that no one can lock out someone else cheaply:
 * <ul>
 *   <li>per (account, client IP), small (5 a minute): a guesser locks only themself out of that account;</li>
 *   <li>per account from every IP, larger (20 a minute): a distributed guess stops here; when it runs out the
 *       account is blocked for one window, and each further exhaustion doubles the block (up to 15 minutes), until a
 *       successful login or a quiet period resets it. A correct password from another IP still works until then;</li>
 *   <li>per client IP (an IPv6 client's /64), large (100 a minute): one IP guessing many accounts stops here, while
 *       fifty users behind a depot's NAT each mistyping once do not block each other.</li>
 * </ul>
 * A failure token is reserved from each before the password is checked, so concurrent guesses cannot overrun a
 * budget; a successful login gives them back. Works on either limiter (in memory or Redis).
 */
public final class LoginThrottle {

    /** The budgets, by the name a refusal, the {@code limit} of a 429 and the security events carry. */
    public enum Budget {
        ACCOUNT_AND_IP("login-account-ip"), ACCOUNT("login-account"), IP("login-ip");

        private final String limitName;

        Budget(String limitName) {
            this.limitName = limitName;
        }

        public String limitName() {
            return limitName;
        }

        /** The scope word of {@code account.locked} and {@code login.failed} events. */
        public String scope() {
            return switch (this) {
                case ACCOUNT_AND_IP -> "account_ip";
                case ACCOUNT -> "account";
                case IP -> "ip";
            };
        }
    }

    /** A budget that ran out: further attempts get 429 for {@code retryAfterSeconds}. */
    public record Lockout(Budget budget, long failures, long windowSeconds, long retryAfterSeconds) {
    }

    /**
     * A reserved attempt, or a refused one ({@code refusedBy} the exhausted budget, retry after so many seconds).
     * An allowed attempt holds the three verdicts, to tell which budgets its failure exhausts.
     */
    public record Attempt(String account, String ipKey, Budget refusedBy, long retryAfterSeconds, Verdict ip,
            Verdict accountAndIp, Verdict byAccount) {

        public boolean allowed() {
            return refusedBy == null;
        }
    }

    private final RateLimiter limiter;
    private final LimitSpec perAccountAndIp;
    private final LimitSpec perAccount;
    private final LimitSpec perIp;
    private final Duration maxBackOff;
    private final Duration quietPeriod;

    public LoginThrottle(RateLimiter limiter, LimitSpec perAccountAndIp, LimitSpec perAccount, LimitSpec perIp,
            Duration maxBackOff, Duration quietPeriod) {
        this.limiter = limiter;
        this.perAccountAndIp = perAccountAndIp;
        this.perAccount = perAccount;
        this.perIp = perIp;
        this.maxBackOff = maxBackOff;
        this.quietPeriod = quietPeriod;
    }

    public static LimitSpec accountAndIpSpec(long capacity, Duration window) {
        return new LimitSpec(Budget.ACCOUNT_AND_IP.limitName(), capacity, window);
    }

    public static LimitSpec accountSpec(long capacity, Duration window) {
        return new LimitSpec(Budget.ACCOUNT.limitName(), capacity, window);
    }

    public static LimitSpec ipSpec(long capacity, Duration window) {
        return new LimitSpec(Budget.IP.limitName(), capacity, window);
    }

    /** The account's key: {@code <tenant slug or platform>/<username>}, lower-cased. */
    public static String accountKey(String tenant, String username) {
        return (tenant == null ? "platform" : tenant.toLowerCase(Locale.ROOT)) + '/'
                + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    public List<LimitSpec> specs() {
        return List.of(perAccountAndIp, perAccount, perIp);
    }

    /** Reserves a failure token from each budget, or says which one refuses (nothing stays taken then). */
    public Uni<Attempt> reserve(String account, String clientIp) {
        String ipKey = ClientAddresses.rateLimitKey(clientIp);
        String pairKey = account + '|' + ipKey;
        return limiter.blockedMillis(account).chain(blocked -> {
            if (blocked > 0) {
                return Uni.createFrom().item(refused(account, ipKey, Budget.ACCOUNT, seconds(blocked)));
            }
            return limiter.tryConsume(ipKey, perIp, 1).chain(ip -> {
                if (!ip.allowed()) {
                    return Uni.createFrom().item(refused(account, ipKey, Budget.IP, ip.retryAfterSeconds()));
                }
                return limiter.tryConsume(pairKey, perAccountAndIp, 1).chain(pair -> {
                    if (!pair.allowed()) {
                        return limiter.refund(ipKey, perIp, 1).replaceWith(
                                refused(account, ipKey, Budget.ACCOUNT_AND_IP, pair.retryAfterSeconds()));
                    }
                    return limiter.tryConsume(account, perAccount, 1).chain(byAccount -> byAccount.allowed()
                            ? Uni.createFrom().item(new Attempt(account, ipKey, null, 0, ip, pair, byAccount))
                            : limiter.refund(ipKey, perIp, 1).chain(() -> limiter.refund(pairKey, perAccountAndIp, 1))
                                    .replaceWith(refused(account, ipKey, Budget.ACCOUNT,
                                            byAccount.retryAfterSeconds())));
                });
            });
        });
    }

    /** A correct password: the reserved tokens go back and the account's back-off starts again from one window. */
    public Uni<Void> succeeded(Attempt attempt) {
        String pairKey = attempt.account() + '|' + attempt.ipKey();
        return limiter.refund(attempt.ipKey(), perIp, 1)
                .chain(() -> limiter.refund(pairKey, perAccountAndIp, 1))
                .chain(() -> limiter.refund(attempt.account(), perAccount, 1))
                .chain(() -> limiter.clearBackOff(attempt.account()));
    }

    /**
     * A failed attempt keeps its tokens; the budgets whose last token it took are reported. The account's own
     * budget running out blocks the account with a growing back-off.
     */
    public Uni<List<Lockout>> failed(Attempt attempt) {
        List<Lockout> lockouts = new ArrayList<>();
        if (attempt.ip().remaining() == 0) {
            lockouts.add(lockout(Budget.IP, attempt.ip()));
        }
        if (attempt.accountAndIp().remaining() == 0) {
            lockouts.add(lockout(Budget.ACCOUNT_AND_IP, attempt.accountAndIp()));
        }
        if (attempt.byAccount().remaining() != 0) {
            return Uni.createFrom().item(List.copyOf(lockouts));
        }
        return limiter.backOff(attempt.account(), perAccount.window(), maxBackOff, quietPeriod).map(blocked -> {
            lockouts.add(new Lockout(Budget.ACCOUNT, perAccount.capacity(), perAccount.window().toSeconds(),
                    seconds(blocked)));
            return List.copyOf(lockouts);
        });
    }

    private static Lockout lockout(Budget budget, Verdict v) {
        return new Lockout(budget, v.limit().capacity(), v.limit().window().toSeconds(),
                Math.max(1, v.secondsToReset()));
    }

    private static Attempt refused(String account, String ipKey, Budget budget, long retryAfterSeconds) {
        return new Attempt(account, ipKey, budget, Math.max(1, retryAfterSeconds), null, null, null);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
