package io.fieldsales.cash.service;

import io.fieldsales.cash.domain.CashRuleViolation;
import io.fieldsales.cash.domain.CashSession;
import io.fieldsales.cash.domain.Deposit;
import io.fieldsales.cash.domain.DepositRules;
import io.fieldsales.cash.domain.DepositSession;
import io.fieldsales.cash.domain.DepositStatus;
import io.fieldsales.cash.domain.Ids;
import io.fieldsales.cash.domain.InvalidCashInput;
import io.fieldsales.cash.domain.Money;
import io.fieldsales.cash.domain.SessionStatus;
import io.fieldsales.cash.events.CashEventTypes;
import io.fieldsales.cash.events.DepositConfirmed;
import io.fieldsales.cash.events.DepositCreated;
import io.fieldsales.cash.events.DepositDisputed;
import io.fieldsales.cash.repository.DepositRepository;
import io.fieldsales.cash.repository.DepositSessionRepository;
import io.fieldsales.cash.repository.SessionRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Bank deposits of CLOSED sessions, to the bank's confirmation. Sessions are locked in id order; a session already
 * deposited is refused, and the primary key of {@code deposit_session} backs that up in the database.
 */
@ApplicationScoped
public class DepositService {

    static final int MAX_SESSIONS = 100;

    @Inject
    DepositRepository deposits;

    @Inject
    DepositSessionRepository depositSessions;

    @Inject
    SessionRepository sessions;

    @Inject
    PolicyService policies;

    @Inject
    CashEvents events;

    @WithTransaction
    public Uni<DepositView> create(Actor actor, CreateDeposit cmd) {
        if (cmd.sessionIds() == null || cmd.sessionIds().isEmpty()) {
            throw new InvalidCashInput("sessionIds", "must name at least one session");
        }
        if (cmd.sessionIds().size() > MAX_SESSIONS || cmd.sessionIds().contains(null)) {
            throw new InvalidCashInput("sessionIds", "must name 1 to " + MAX_SESSIONS + " sessions");
        }
        Set<UUID> ids = new LinkedHashSet<>(cmd.sessionIds());
        String bankAccount = required("bankAccount", cmd.bankAccount(), 100);
        String slip = required("slipNumber", cmd.slipNumber(), 100);
        String reason = SessionService.text("discrepancyReason", cmd.discrepancyReason(), SessionService.MAX_TEXT);
        if (cmd.depositedAt() == null) {
            throw new InvalidCashInput("depositedAt", "is required");
        }
        if (cmd.depositedAt().isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
            throw new InvalidCashInput("depositedAt", "must not be in the future");
        }
        return sessions.lockAllInIdOrder(actor.tenantId(), ids).chain(found -> {
            if (found.size() != ids.size()) {
                throw ProblemException.notFound("No such cash session in this tenant");
            }
            String currency = found.get(0).currency;
            BigDecimal counted = BigDecimal.ZERO;
            for (CashSession s : found) {
                if (s.depositId != null || s.status == SessionStatus.DEPOSITED || s.status == SessionStatus.RECONCILED) {
                    throw CashProblems.problem("session_already_deposited", "Session " + s.id
                            + " is already in a deposit").with("cashSessionId", s.id);
                }
                if (!s.status.depositable()) {
                    throw CashProblems.problem("session_not_closed", "Session " + s.id + " is " + s.status
                            + "; only CLOSED sessions are deposited").with("cashSessionId", s.id);
                }
                if (!s.currency.equals(currency)) {
                    throw new CashRuleViolation("mixed_currencies", "One deposit holds sessions of one currency");
                }
                counted = counted.add(s.countedCash);
            }
            BigDecimal amount = Money.positive("amount", cmd.amount(), currency);
            BigDecimal expected = counted;
            boolean flagged = DepositRules.checkAmount(amount, expected, reason);
            Deposit d = new Deposit();
            d.id = Ids.next();
            d.tenantId = actor.tenantId();
            d.bankAccount = bankAccount;
            d.slipNumber = slip;
            d.amount = amount;
            d.expectedAmount = expected;
            d.currency = currency;
            d.depositedAt = cmd.depositedAt();
            d.discrepancyReason = reason;
            d.flagged = flagged;
            d.status = DepositStatus.DEPOSITED;
            d.createdBy = actor.userId();
            d.createdAt = Instant.now();
            List<UUID> sessionIds = found.stream().map(s -> s.id).toList();
            Uni<Void> chain = deposits.persist(d).call(deposits::flush).replaceWithVoid();
            for (CashSession s : found) {
                DepositSession link = new DepositSession();
                link.sessionId = s.id;
                link.depositId = d.id;
                link.tenantId = d.tenantId;
                s.status = SessionStatus.DEPOSITED;
                s.depositId = d.id;
                s.updatedAt = d.createdAt;
                chain = chain.chain(() -> depositSessions.persist(link).replaceWithVoid());
            }
            return chain.call(depositSessions::flush)
                    .call(() -> events.append(d.tenantId, actor.userId(), CashEventTypes.DEPOSIT_CREATED, "deposit",
                            d.id, new DepositCreated(d.id, sessionIds, amount, expected, currency, bankAccount, slip,
                                    d.depositedAt, reason, flagged)))
                    .chain(() -> policies.of(d.tenantId))
                    .map(policy -> view(d, sessionIds, policy.depositConfirmDays()));
        });
    }

    /** The bank's confirmation: CONFIRMED (sessions RECONCILED) when it matches, DISPUTED otherwise. */
    @WithTransaction
    public Uni<DepositView> confirm(Actor actor, UUID depositId, String bankReference, BigDecimal confirmed) {
        String reference = required("bankReference", bankReference, 100);
        return deposits.lockInTenant(actor.tenantId(), depositId).chain(d -> {
            if (d == null) {
                throw ProblemException.notFound("No such deposit");
            }
            BigDecimal amount = Money.nonNegative("confirmedAmount", confirmed, d.currency);
            DepositRules.Confirmation outcome = DepositRules.confirm(d.status, d.amount, amount);
            d.status = outcome.status();
            d.bankReference = reference;
            d.confirmedAmount = amount;
            d.difference = outcome.difference();
            d.confirmedBy = actor.userId();
            d.confirmedAt = Instant.now();
            return sessions.byDeposit(d.tenantId, d.id).chain(linked -> {
                List<UUID> ids = linked.stream().map(s -> s.id).toList();
                if (outcome.status() == DepositStatus.CONFIRMED) {
                    linked.forEach(s -> {
                        s.status = SessionStatus.RECONCILED;
                        s.updatedAt = d.confirmedAt;
                    });
                }
                Uni<Void> event = outcome.status() == DepositStatus.CONFIRMED
                        ? events.append(d.tenantId, actor.userId(), CashEventTypes.DEPOSIT_CONFIRMED, "deposit", d.id,
                                new DepositConfirmed(d.id, ids, amount, d.currency, reference))
                        : events.append(d.tenantId, actor.userId(), CashEventTypes.DEPOSIT_DISPUTED, "deposit", d.id,
                                new DepositDisputed(d.id, ids, d.amount, amount, d.difference, d.currency, reference));
                return sessions.flush().call(() -> event).chain(() -> policies.of(d.tenantId))
                        .map(policy -> view(d, ids, policy.depositConfirmDays()));
            });
        });
    }

    @WithSession
    public Uni<DepositView> get(Actor actor, UUID id) {
        return deposits.inTenant(actor.tenantId(), id).chain(d -> {
            if (d == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No such deposit"));
            }
            return sessions.byDeposit(d.tenantId, d.id).chain(linked -> policies.of(d.tenantId)
                    .map(p -> view(d, linked.stream().map(s -> s.id).toList(), p.depositConfirmDays())));
        });
    }

    /** Deposits newest first; {@code ageing=true} keeps those waiting longer than the tenant allows. */
    @WithSession
    public Uni<DepositPage> list(Actor actor, String status, boolean ageingOnly, String cursor, Integer limit) {
        DepositStatus st;
        try {
            st = status == null || status.isBlank() ? null : DepositStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("status", "must be DEPOSITED, CONFIRMED or DISPUTED");
        }
        int size = Cursors.limit(limit);
        return policies.of(actor.tenantId()).chain(policy -> deposits.page(actor.tenantId(), st,
                Cursors.parse(cursor), size).map(rows -> {
                    boolean more = rows.size() > size;
                    List<Deposit> page = more ? rows.subList(0, size) : rows;
                    List<DepositView> items = new ArrayList<>();
                    for (Deposit d : page) {
                        DepositView v = view(d, null, policy.depositConfirmDays());
                        if (!ageingOnly || v.ageing()) {
                            items.add(v);
                        }
                    }
                    return new DepositPage(items, more ? Cursors.of(page.get(page.size() - 1).id) : null);
                }));
    }

    private static DepositView view(Deposit d, List<UUID> sessionIds, int confirmDays) {
        Instant now = Instant.now();
        return new DepositView(d, sessionIds, DepositRules.ageing(d.status, d.depositedAt, now, confirmDays),
                Math.max(0, Duration.between(d.depositedAt, now).toDays()));
    }

    private static String required(String field, String value, int max) {
        String t = SessionService.text(field, value, max);
        if (t == null) {
            throw new InvalidCashInput(field, "is required");
        }
        return t;
    }
}
