package io.fieldsales.cash.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fieldsales.cash.domain.ApprovalStep;
import io.fieldsales.cash.domain.CashCollection;
import io.fieldsales.cash.domain.CashCount;
import io.fieldsales.cash.domain.CashLedger;
import io.fieldsales.cash.domain.CashRuleViolation;
import io.fieldsales.cash.domain.CashSession;
import io.fieldsales.cash.domain.Decision;
import io.fieldsales.cash.domain.Denominations;
import io.fieldsales.cash.domain.Ids;
import io.fieldsales.cash.domain.InvalidCashInput;
import io.fieldsales.cash.domain.Money;
import io.fieldsales.cash.domain.PaymentMethod;
import io.fieldsales.cash.domain.Payout;
import io.fieldsales.cash.domain.PendingRefund;
import io.fieldsales.cash.domain.ReasonCode;
import io.fieldsales.cash.domain.Receivable;
import io.fieldsales.cash.domain.SessionStatus;
import io.fieldsales.cash.domain.VarianceDecision;
import io.fieldsales.cash.domain.VarianceReview;
import io.fieldsales.cash.domain.VarianceTier;
import io.fieldsales.cash.events.CashEventTypes;
import io.fieldsales.cash.events.CashSessionClosed;
import io.fieldsales.cash.events.CashSessionOpened;
import io.fieldsales.cash.events.CollectionRecorded;
import io.fieldsales.cash.events.PayoutRecorded;
import io.fieldsales.cash.events.VarianceDecided;
import io.fieldsales.cash.events.VarianceFlagged;
import io.fieldsales.cash.repository.CollectionRepository;
import io.fieldsales.cash.repository.CountRepository;
import io.fieldsales.cash.repository.DecisionRepository;
import io.fieldsales.cash.repository.OrderLocks;
import io.fieldsales.cash.repository.PayoutRepository;
import io.fieldsales.cash.repository.PendingRefundRepository;
import io.fieldsales.cash.repository.ReceivableRepository;
import io.fieldsales.cash.repository.SessionRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Cash sessions: open, collect, pay out, count (close) and the four-eyes decisions on a variance. Each write is one
 * transaction that locks the session row first (so collections, payouts and counts of one session are serialized)
 * and appends its events to the outbox. Callers may already have opened the transaction (the Idempotency-Key
 * helper does); these methods join it.
 */
@ApplicationScoped
public class SessionService {

    static final int MAX_TEXT = 500;

    @Inject
    SessionRepository sessions;

    @Inject
    CashMetrics metrics;

    @Inject
    CollectionRepository collections;

    @Inject
    PayoutRepository payouts;

    @Inject
    CountRepository counts;

    @Inject
    DecisionRepository decisions;

    @Inject
    PendingRefundRepository pendingRefunds;

    @Inject
    ReceivableRepository receivables;

    @Inject
    ReceivableService receivableService;

    @Inject
    PolicyService policies;

    @Inject
    CashEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    OrderLocks orderLocks;

    /** Opens a session owned by the caller; applies CASH refunds that waited for it. */
    @WithTransaction
    public Uni<SessionView> open(Actor actor, OpenSession cmd) {
        String currency = Money.currency("currency", cmd.currency());
        BigDecimal openingFloat = Money.nonNegative("openingFloat", cmd.openingFloat(), currency);
        Instant now = Instant.now();
        CashSession s = new CashSession();
        s.id = Ids.next();
        s.tenantId = actor.tenantId();
        s.ownerId = actor.userId();
        s.currency = currency;
        s.openingFloat = openingFloat;
        s.deviceId = text("deviceId", cmd.deviceId(), 100);
        s.location = text("location", cmd.location(), 200);
        s.status = SessionStatus.OPEN;
        s.openedAt = now;
        s.updatedAt = now;
        // the rep's lock orders this open and a CASH refund arriving now (OrderLocks): one sees the other
        return orderLocks.lockRep(s.tenantId, s.ownerId)
                .chain(() -> sessions.persist(s)).call(sessions::flush)
                .call(() -> events.append(s.tenantId, actor.userId(), CashEventTypes.SESSION_OPENED, "cash-session",
                        s.id, new CashSessionOpened(s.id, s.ownerId, s.openingFloat, s.currency, s.deviceId,
                                s.location, s.openedAt)))
                .call(() -> applyPendingRefunds(s))
                .map(ignored -> new SessionView(s, List.of(), List.of(), true));
    }

    private Uni<Void> applyPendingRefunds(CashSession s) {
        return pendingRefunds.lockWaitingFor(s.tenantId, s.ownerId, s.currency).chain(waiting -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PendingRefund r : waiting) {
                chain = chain.chain(() -> refundPayout(s, r.refundId, r.amount, r.orderId, r.customerId, null)
                        .invoke(p -> {
                            r.appliedPayoutId = p.id;
                            r.appliedAt = p.createdAt;
                        }).replaceWithVoid());
            }
            return chain;
        });
    }

    /** Pays a CASH refund out of an open session (the consumer's and the next open's path). */
    Uni<Payout> refundPayout(CashSession s, UUID refundId, BigDecimal amount, UUID orderId, UUID customerId,
            String actorId) {
        Payout p = new Payout();
        p.id = Ids.next();
        p.tenantId = s.tenantId;
        p.sessionId = s.id;
        p.amount = amount;
        p.currency = s.currency;
        p.reason = "Cash refund " + refundId;
        p.refundId = refundId;
        p.createdBy = actorId == null ? "system" : actorId;
        p.createdAt = Instant.now();
        s.payoutsTotal = s.payoutsTotal.add(amount);
        s.updatedAt = p.createdAt;
        return payouts.persist(p)
                .call(() -> events.append(s.tenantId, actorId, CashEventTypes.PAYOUT_RECORDED, "payout", p.id,
                        new PayoutRecorded(p.id, s.id, s.ownerId, p.amount, p.currency, p.reason, refundId, orderId,
                                customerId, p.createdAt)));
    }

    /**
     * Records a collection in the caller's OPEN session. Against an order whose receivable is known it may not
     * exceed what is due and is allocated at once; against one not known yet it waits, unallocated, for the
     * receivable (the order lock makes exactly one of the two paths see it).
     */
    @WithTransaction
    public Uni<CashCollection> collect(Actor actor, UUID sessionId, RecordCollection cmd) {
        PaymentMethod method = PaymentMethod.parse("method", cmd.method());
        String reference = text("reference", cmd.reference(), 200);
        return ownOpenSession(actor, sessionId).chain(s -> {
            if (cmd.currency() != null && !cmd.currency().equals(s.currency)) {
                throw new CashRuleViolation("currency_mismatch", "This session is in " + s.currency);
            }
            BigDecimal amount = Money.positive("amount", cmd.amount(), s.currency);
            CashCollection c = new CashCollection();
            c.id = Ids.next();
            c.tenantId = s.tenantId;
            c.sessionId = s.id;
            c.ownerId = s.ownerId;
            c.amount = amount;
            c.currency = s.currency;
            c.method = method;
            c.orderId = cmd.orderId();
            c.customerId = cmd.customerId();
            c.reference = reference;
            c.createdAt = Instant.now();
            s.addCollection(method, amount);
            s.updatedAt = c.createdAt;
            if (c.orderId == null) {
                return record(actor, s, c, null);
            }
            return receivableService.lockOrder(s.tenantId, c.orderId)
                    .chain(() -> receivables.lockOfOrder(s.tenantId, c.orderId))
                    .chain(r -> {
                        if (r != null) {
                            if (!r.currency.equals(c.currency)) {
                                throw new CashRuleViolation("currency_mismatch", "This order is due in " + r.currency);
                            }
                            if (c.customerId == null) {
                                c.customerId = r.customerId;
                            }
                        }
                        return record(actor, s, c, r);
                    });
        });
    }

    private Uni<CashCollection> record(Actor actor, CashSession s, CashCollection c, Receivable known) {
        Uni<Void> allocate = known == null ? Uni.createFrom().voidItem()
                : receivableService.allocateCollection(actor.userId(), known, c, c.amount);
        return collections.persist(c).call(collections::flush)
                .call(() -> events.append(s.tenantId, actor.userId(), CashEventTypes.COLLECTION_RECORDED, "collection",
                        c.id, new CollectionRecorded(c.id, s.id, s.ownerId, c.amount, c.currency, c.method.name(),
                                c.orderId, c.customerId, c.reference, c.createdAt)))
                .call(() -> allocate)
                .replaceWith(c);
    }

    /** Cash leaving the caller's OPEN session's drawer; never more than the drawer should hold. */
    @WithTransaction
    public Uni<Payout> payout(Actor actor, UUID sessionId, BigDecimal requested, String requestedReason) {
        String reason = text("reason", requestedReason, MAX_TEXT);
        if (reason == null) {
            throw new InvalidCashInput("reason", "is required");
        }
        return ownOpenSession(actor, sessionId).chain(s -> {
            BigDecimal amount = Money.positive("amount", requested, s.currency);
            if (s.ledger().wouldOverdraw(amount)) {
                throw new CashRuleViolation("payout_exceeds_cash", "The drawer does not hold that much cash");
            }
            Payout p = new Payout();
            p.id = Ids.next();
            p.tenantId = s.tenantId;
            p.sessionId = s.id;
            p.amount = amount;
            p.currency = s.currency;
            p.reason = reason;
            p.createdBy = actor.userId();
            p.createdAt = Instant.now();
            s.payoutsTotal = s.payoutsTotal.add(amount);
            s.updatedAt = p.createdAt;
            return payouts.persist(p)
                    .call(() -> events.append(s.tenantId, actor.userId(), CashEventTypes.PAYOUT_RECORDED, "payout", p.id,
                            new PayoutRecorded(p.id, s.id, s.ownerId, p.amount, p.currency, p.reason, null, null, null,
                                    p.createdAt)));
        });
    }

    /**
     * Hands in a count: expected cash and variance from the running totals, the tier from the tenant's policy. A
     * small variance closes the session at once, others wait for their deciders. Every count is kept.
     */
    @WithTransaction
    public Uni<SessionView> close(Actor actor, UUID sessionId, CloseSession cmd) {
        return ownSession(actor, sessionId).chain(s -> {
            if (!s.status.acceptsCount()) {
                throw new CashRuleViolation("session_not_open", "This session is " + s.status + "; it takes no count");
            }
            BigDecimal counted = Money.nonNegative("countedCash", cmd.countedCash(), s.currency);
            String denominations = null;
            if (cmd.denominations() != null) {
                Denominations.check(cmd.denominations(), counted, s.currency);
                denominations = denominationsJson(cmd.denominations());
            }
            String denominationsJson = denominations;
            return policies.of(s.tenantId).chain(policy -> counts.count("sessionId", s.id).chain(existing -> {
                CashLedger ledger = s.ledger();
                BigDecimal variance = ledger.variance(counted);
                VarianceTier tier = policy.tierOf(variance);
                metrics.variance(tier, variance);
                Instant now = Instant.now();
                CashCount c = new CashCount();
                c.id = Ids.next();
                c.tenantId = s.tenantId;
                c.sessionId = s.id;
                c.seq = existing.intValue() + 1;
                c.countedCash = counted;
                c.expectedCash = ledger.expectedCash();
                c.variance = variance;
                c.varianceTier = tier;
                c.denominations = denominationsJson;
                c.outcome = tier == VarianceTier.AUTO ? "ACCEPTED" : "PENDING";
                c.countedBy = actor.userId();
                c.countedAt = now;
                SessionStatus next = tier == VarianceTier.AUTO ? SessionStatus.CLOSED : SessionStatus.PENDING_APPROVAL;
                move(s, next);
                s.countedCash = counted;
                s.expectedCash = c.expectedCash;
                s.variance = variance;
                s.varianceTier = tier;
                s.approvalStep = tier.firstStep();
                s.latestCountId = c.id;
                s.closedAt = now;
                s.decidedAt = tier == VarianceTier.AUTO ? now : null;
                s.updatedAt = now;
                Uni<Void> flagged = tier == VarianceTier.AUTO ? Uni.createFrom().voidItem()
                        : events.append(s.tenantId, actor.userId(), CashEventTypes.VARIANCE_FLAGGED, "cash-session",
                                s.id, new VarianceFlagged(s.id, c.id, s.ownerId, variance, c.expectedCash, counted,
                                        s.currency, tier.name(), s.approvalStep.name()));
                return counts.persist(c).call(counts::flush)
                        .call(() -> events.append(s.tenantId, actor.userId(), CashEventTypes.SESSION_CLOSED,
                                "cash-session", s.id, new CashSessionClosed(s.id, c.id, c.seq, s.ownerId, counted,
                                        c.expectedCash, variance, s.currency, tier.name(), s.status.name())))
                        .call(() -> flagged)
                        .chain(() -> view(actor, s));
            }));
        });
    }

    /**
     * A decision on the pending step of a session's variance. The session row lock orders concurrent deciders: the
     * second sees the first's outcome (409); the unique (count, step) backs that up in the database.
     */
    @WithTransaction
    public Uni<SessionView> decide(Actor actor, UUID sessionId, String decisionValue, String comment,
            String reasonValue) {
        Decision decision = Decision.parse("decision", decisionValue);
        ReasonCode reason = ReasonCode.parse("reasonCode", reasonValue);
        String text = text("comment", comment, MAX_TEXT);
        return sessions.lockInTenant(actor.tenantId(), sessionId).chain(s -> {
            if (s == null) {
                throw ProblemException.notFound("No such cash session");
            }
            if (s.status != SessionStatus.PENDING_APPROVAL) {
                throw new CashRuleViolation(
                        s.ownerId.equals(actor.userId()) ? "self_approval" : "no_decision_pending",
                        s.ownerId.equals(actor.userId()) ? "You cannot decide on your own count"
                                : "This session has no variance awaiting a decision (it is " + s.status + ")");
            }
            return decisions.ofCount(s.latestCountId).chain(earlier -> {
                List<String> earlierDeciders = earlier.stream()
                        .filter(d -> d.decision == Decision.APPROVE).map(d -> d.decidedBy).toList();
                VarianceReview.Outcome outcome = VarianceReview.decide(s.status, s.varianceTier, s.approvalStep,
                        s.ownerId, actor.userId(), actor.roles(), earlierDeciders, decision, s.variance);
                if (s.approvalStep == ApprovalStep.SUPERVISOR && reason == null) {
                    throw new InvalidCashInput("reasonCode", "is required: COUNT_ERROR, THEFT_SUSPECTED,"
                            + " CHANGE_GIVEN_WRONG or OTHER");
                }
                Instant now = Instant.now();
                VarianceDecision d = new VarianceDecision();
                d.id = Ids.next();
                d.tenantId = s.tenantId;
                d.sessionId = s.id;
                d.countId = s.latestCountId;
                d.step = s.approvalStep;
                d.decision = decision;
                d.reasonCode = reason;
                d.comment = text;
                d.decidedBy = actor.userId();
                d.decidedAt = now;
                move(s, outcome.status());
                s.approvalStep = outcome.nextStep();
                s.updatedAt = now;
                if (outcome.status() != SessionStatus.PENDING_APPROVAL) {
                    s.decidedAt = now;
                }
                return decisions.persist(d).call(decisions::flush)
                        .call(() -> counts.findById(d.countId).invoke(c -> c.outcome = switch (outcome.status()) {
                            case COUNTING -> "REJECTED";
                            case CLOSED -> "APPROVED";
                            default -> c.outcome;
                        }))
                        .chain(() -> outcome.opensShortageReceivable()
                                ? openShortage(actor, s) : Uni.createFrom().item((UUID) null))
                        .call(receivableId -> sessions.flush())
                        .call(receivableId -> events.append(s.tenantId, actor.userId(), CashEventTypes.VARIANCE_DECIDED,
                                "cash-session", s.id, new VarianceDecided(s.id, d.countId, s.ownerId, d.step.name(),
                                        decision.name(), reason == null ? null : reason.name(), text, actor.userId(),
                                        s.status.name(), s.variance, s.currency, receivableId)))
                        .chain(ignored -> view(actor, s));
            });
        });
    }

    /** An approved finance-tier shortage: the rep owes it (an investigation trail, not a silent write-off). */
    private Uni<UUID> openShortage(Actor actor, CashSession s) {
        Receivable r = Receivable.open(s.tenantId, "REP_SHORTAGE", s.variance.negate(), s.currency,
                LocalDate.now(ZoneOffset.UTC));
        r.repId = s.ownerId;
        r.location = s.location;
        r.cashSessionId = s.id;
        s.shortageReceivableId = r.id;
        return receivableService.open(actor.userId(), r).replaceWith(r.id);
    }

    /** One session as the caller may see it (404 for a rep or cashier asking for someone else's). */
    @WithSession
    public Uni<SessionView> get(Actor actor, UUID sessionId) {
        return sessions.inTenant(actor.tenantId(), sessionId).chain(s -> {
            if (s == null || !(Viewer.seesTenant(actor) || s.ownerId.equals(actor.userId()))) {
                return Uni.createFrom().failure(ProblemException.notFound("No such cash session"));
            }
            return view(actor, s);
        });
    }

    /** Sessions newest first; owners see their own, the office roles the tenant's. */
    @WithSession
    public Uni<SessionPage> list(Actor actor, String status, String owner, Instant from, Instant to, String cursor,
            Integer limit) {
        SessionStatus st = status == null || status.isBlank() ? null : SessionStatus.parse("status", status);
        int size = Cursors.limit(limit);
        String ownerFilter = Viewer.seesTenant(actor) ? (owner == null || owner.isBlank() ? null : owner)
                : actor.userId();
        return sessions.page(actor.tenantId(), ownerFilter, st, from, to, Cursors.parse(cursor), size).map(rows -> {
            boolean more = rows.size() > size;
            List<CashSession> page = more ? rows.subList(0, size) : rows;
            List<SessionView> items = new ArrayList<>();
            for (CashSession s : page) {
                items.add(new SessionView(s, List.of(), List.of(), blind(actor, s)));
            }
            return new SessionPage(items, more ? Cursors.of(page.get(page.size() - 1).id) : null);
        });
    }

    private Uni<SessionView> view(Actor actor, CashSession s) {
        return counts.ofSession(s.tenantId, s.id).chain(cs -> decisions.ofSession(s.tenantId, s.id)
                .map(ds -> new SessionView(s, cs, ds, blind(actor, s))));
    }

    static boolean blind(Actor actor, CashSession s) {
        return s.ownerId.equals(actor.userId()) && s.status.blindToOwner();
    }

    private Uni<CashSession> ownSession(Actor actor, UUID sessionId) {
        return sessions.lockInTenant(actor.tenantId(), sessionId).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("No such cash session");
            }
            if (!s.ownerId.equals(actor.userId())) {
                throw new CashRuleViolation("not_session_owner", "Only the session's owner may do this");
            }
            return s;
        });
    }

    private Uni<CashSession> ownOpenSession(Actor actor, UUID sessionId) {
        return ownSession(actor, sessionId).map(s -> {
            if (!s.status.acceptsMoney()) {
                throw new CashRuleViolation("session_not_open", "This session is " + s.status);
            }
            return s;
        });
    }

    private static void move(CashSession s, SessionStatus next) {
        if (!s.status.canMoveTo(next)) {
            throw new IllegalStateException(s.status + " -> " + next);
        }
        s.status = next;
    }

    private String denominationsJson(List<Denominations.Line> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            throw new InvalidCashInput(field, "must be at most " + max + " characters");
        }
        return t;
    }
}
