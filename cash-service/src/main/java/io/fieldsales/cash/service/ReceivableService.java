package io.fieldsales.cash.service;

import io.fieldsales.cash.domain.Ageing;
import io.fieldsales.cash.domain.Allocation;
import io.fieldsales.cash.domain.AllocationRow;
import io.fieldsales.cash.domain.CashCollection;
import io.fieldsales.cash.domain.CashRuleViolation;
import io.fieldsales.cash.domain.Ids;
import io.fieldsales.cash.domain.InvalidCashInput;
import io.fieldsales.cash.domain.Money;
import io.fieldsales.cash.domain.PendingRefund;
import io.fieldsales.cash.domain.Receivable;
import io.fieldsales.cash.domain.ReceivablePayment;
import io.fieldsales.cash.events.CashEventTypes;
import io.fieldsales.cash.events.CollectionAllocated;
import io.fieldsales.cash.events.PaymentRecorded;
import io.fieldsales.cash.events.ReceivableOpened;
import io.fieldsales.cash.events.ReceivableSettled;
import io.fieldsales.cash.repository.AllocationRepository;
import io.fieldsales.cash.repository.CollectionRepository;
import io.fieldsales.cash.repository.OrderLocks;
import io.fieldsales.cash.repository.PaymentRepository;
import io.fieldsales.cash.repository.PendingRefundRepository;
import io.fieldsales.cash.repository.PayoutRepository;
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
import java.util.Set;
import java.util.UUID;

/**
 * Receivables: opened by delivered orders (and approved shortages), paid by collections and finance payments,
 * settled at zero. CASH refunds of orders become payouts of the rep's open session, or wait for the next one.
 */
@ApplicationScoped
public class ReceivableService {

    private static final Set<String> PAYMENT_METHODS = Set.of("BANK_TRANSFER", "CHEQUE");

    @Inject
    ReceivableRepository receivables;

    @Inject
    CollectionRepository collections;

    @Inject
    AllocationRepository allocations;

    @Inject
    PaymentRepository payments;

    @Inject
    PayoutRepository payouts;

    @Inject
    PendingRefundRepository pendingRefunds;

    @Inject
    SessionRepository sessions;

    @Inject
    SessionService sessionService;

    @Inject
    OrderLocks orderLocks;

    @Inject
    PolicyService policies;

    @Inject
    CashEvents events;

    public Uni<Void> lockOrder(UUID tenantId, UUID orderId) {
        return orderLocks.lock(tenantId, orderId);
    }

    /** Applies (part of) a collection to a locked receivable; publishes allocated and, at zero, settled. */
    Uni<Void> allocateCollection(String actorId, Receivable r, CashCollection c, BigDecimal amount) {
        boolean settled = r.apply(amount, Instant.now());
        c.allocatedAmount = c.allocatedAmount.add(amount);
        AllocationRow a = allocation(r, amount);
        a.collectionId = c.id;
        return allocations.persist(a)
                .call(() -> events.append(r.tenantId, actorId, CashEventTypes.COLLECTION_ALLOCATED, "collection", c.id,
                        new CollectionAllocated(c.id, c.sessionId, r.id, r.orderId, r.customerId, amount, r.currency,
                                r.outstanding())))
                .call(() -> settled ? settledEvent(actorId, r) : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    private Uni<Void> settledEvent(String actorId, Receivable r) {
        return events.append(r.tenantId, actorId, CashEventTypes.RECEIVABLE_SETTLED, "receivable", r.id,
                new ReceivableSettled(r.id, r.orderId, r.customerId, r.amountDue, r.currency));
    }

    private static AllocationRow allocation(Receivable r, BigDecimal amount) {
        AllocationRow a = new AllocationRow();
        a.id = Ids.next();
        a.tenantId = r.tenantId;
        a.receivableId = r.id;
        a.amount = amount;
        a.createdAt = Instant.now();
        return a;
    }

    /**
     * A delivered order opens its receivable (once: a redelivery finds it) and takes the collections that waited
     * for it, oldest first, up to what is due. Runs in the consumer's transaction.
     */
    public Uni<Void> orderDelivered(OrderDelivery d) {
        return orderLocks.lock(d.tenantId(), d.orderId())
                .chain(() -> receivables.lockOfOrder(d.tenantId(), d.orderId()))
                .chain(existing -> existing != null ? Uni.createFrom().voidItem()
                        : policies.of(d.tenantId()).chain(policy -> {
                            Receivable r = Receivable.open(d.tenantId(), "ORDER", d.amountDue(), d.currency(),
                                    Ageing.dueDate(d.paymentTerms(), d.deliveredOn(), policy.creditDays()));
                            r.orderId = d.orderId();
                            r.customerId = d.customerId();
                            r.repId = d.repId();
                            r.location = d.location();
                            r.paymentTerms = d.paymentTerms();
                            return open(null, r).chain(() -> allocateWaiting(r));
                        }));
    }

    /**
     * Persists a receivable just opened ({@link Receivable#open}) and publishes {@code receivable.opened}, in the
     * caller's transaction: the one copy for every kind (a delivered order's, an approved shortage's).
     */
    Uni<Void> open(String actorId, Receivable r) {
        return receivables.persist(r).call(receivables::flush)
                .call(() -> events.append(r.tenantId, actorId, CashEventTypes.RECEIVABLE_OPENED, "receivable", r.id,
                        new ReceivableOpened(r.id, r.kind, r.orderId, r.customerId, r.repId, r.cashSessionId,
                                r.amountDue, r.currency, r.dueDate)))
                .replaceWithVoid();
    }

    private Uni<Void> allocateWaiting(Receivable r) {
        return collections.lockWaitingFor(r.tenantId, r.orderId).chain(waiting -> {
            List<CashCollection> sameCurrency = waiting.stream().filter(c -> c.currency.equals(r.currency)).toList();
            List<BigDecimal> parts = Allocation.allocate(r.outstanding(),
                    sameCurrency.stream().map(c -> c.amount.subtract(c.allocatedAmount)).toList());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < sameCurrency.size(); i++) {
                CashCollection c = sameCurrency.get(i);
                BigDecimal part = parts.get(i);
                if (part.signum() > 0) {
                    if (c.customerId == null) {
                        c.customerId = r.customerId;
                    }
                    chain = chain.chain(() -> allocateCollection(c.ownerId, r, c, part));
                }
            }
            return chain;
        });
    }

    /**
     * A CASH refund: a payout of the rep's OPEN session now, or pending until their next open. A refund already
     * paid out or pending changes nothing.
     */
    public Uni<Void> cashRefund(CashRefund refund) {
        return orderLocks.lockRep(refund.tenantId(), refund.repId())
                .chain(() -> pendingRefunds.findById(refund.refundId()))
                .chain(pending -> pending != null ? Uni.createFrom().item(true)
                        : payouts.count("tenantId = ?1 and refundId = ?2", refund.tenantId(), refund.refundId())
                                .map(n -> n > 0))
                .chain(known -> known ? Uni.createFrom().voidItem()
                        : sessions.lockOpenOf(refund.tenantId(), refund.repId()).chain(s -> {
                            if (s != null && s.currency.equals(refund.currency())) {
                                return sessionService.refundPayout(s, refund.refundId(), refund.amount(),
                                        refund.orderId(), refund.customerId(), null).replaceWithVoid();
                            }
                            PendingRefund p = new PendingRefund();
                            p.refundId = refund.refundId();
                            p.tenantId = refund.tenantId();
                            p.repId = refund.repId();
                            p.orderId = refund.orderId();
                            p.customerId = refund.customerId();
                            p.creditNoteId = refund.creditNoteId();
                            p.amount = refund.amount();
                            p.currency = refund.currency();
                            p.receivedAt = Instant.now();
                            return pendingRefunds.persist(p).replaceWithVoid();
                        }));
    }

    /** A non-cash payment finance recorded (BANK_TRANSFER or CHEQUE); never more than is due. */
    @WithTransaction
    public Uni<ReceivablePayment> recordPayment(Actor actor, UUID receivableId, BigDecimal requested, String currency,
            String method, String reference) {
        if (method == null || !PAYMENT_METHODS.contains(method)) {
            throw new InvalidCashInput("method", "must be BANK_TRANSFER or CHEQUE");
        }
        String ref = SessionService.text("reference", reference, 200);
        if (ref == null) {
            throw new InvalidCashInput("reference", "is required");
        }
        return receivables.lockInTenant(actor.tenantId(), receivableId).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("No such receivable");
            }
            if (currency != null && !currency.equals(r.currency)) {
                throw new CashRuleViolation("currency_mismatch", "This receivable is due in " + r.currency);
            }
            BigDecimal amount = Money.positive("amount", requested, r.currency);
            if ("SETTLED".equals(r.status)) {
                throw new CashRuleViolation("receivable_settled", "This receivable is already settled");
            }
            ReceivablePayment p = new ReceivablePayment();
            p.id = Ids.next();
            p.tenantId = r.tenantId;
            p.receivableId = r.id;
            p.amount = amount;
            p.currency = r.currency;
            p.method = method;
            p.reference = ref;
            p.recordedBy = actor.userId();
            p.recordedAt = Instant.now();
            boolean settled = r.apply(amount, p.recordedAt);
            AllocationRow a = allocation(r, amount);
            a.paymentId = p.id;
            return payments.persist(p).call(payments::flush).call(() -> allocations.persist(a))
                    .call(() -> events.append(r.tenantId, actor.userId(), CashEventTypes.PAYMENT_RECORDED,
                            "receivable", r.id, new PaymentRecorded(p.id, r.id, r.orderId, r.customerId, amount,
                                    r.currency, method, ref)))
                    .call(() -> settled ? settledEvent(actor.userId(), r) : Uni.createFrom().voidItem())
                    .replaceWith(p);
        });
    }

    @WithSession
    public Uni<Receivable> get(Actor actor, UUID id) {
        return receivables.inTenant(actor.tenantId(), id).map(r -> {
            if (r == null || !(Viewer.seesTenant(actor) || actor.userId().equals(r.repId))) {
                throw ProblemException.notFound("No such receivable");
            }
            return r;
        });
    }

    /** Receivables in id order; reps see their own. */
    @WithSession
    public Uni<ReceivablePage> list(Actor actor, UUID customerId, String rep, String status, boolean overdue,
            String cursor, Integer limit) {
        if (status != null && !status.isBlank() && !Set.of("OPEN", "SETTLED").contains(status)) {
            throw ProblemException.validation("status", "must be OPEN or SETTLED");
        }
        int size = Cursors.limit(limit);
        String repFilter = Viewer.seesTenant(actor) ? (rep == null || rep.isBlank() ? null : rep) : actor.userId();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return receivables.page(actor.tenantId(), customerId, repFilter, status == null || status.isBlank() ? null
                : status, overdue ? today : null, Cursors.parse(cursor), size).map(rows -> {
                    boolean more = rows.size() > size;
                    List<Receivable> page = new ArrayList<>(more ? rows.subList(0, size) : rows);
                    return new ReceivablePage(page, more ? Cursors.of(page.get(page.size() - 1).id) : null, today);
                });
    }
}
