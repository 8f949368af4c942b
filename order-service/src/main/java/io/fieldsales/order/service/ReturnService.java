package io.fieldsales.order.service;

import io.fieldsales.order.domain.Money;
import io.fieldsales.order.domain.Order;
import io.fieldsales.order.domain.OrderStateMachine;
import io.fieldsales.order.domain.PricedLine;
import io.fieldsales.order.domain.RefundRules;
import io.fieldsales.order.domain.ReturnRules;
import io.fieldsales.order.domain.ReturnRules.ReturnedLine;
import io.fieldsales.order.domain.ReturnStatus;
import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.domain.StockLevel;
import io.fieldsales.order.events.CreditNoteIssued;
import io.fieldsales.order.events.Events;
import io.fieldsales.order.events.OrderEventTypes;
import io.fieldsales.order.events.RefundIssued;
import io.fieldsales.order.events.ReturnPayload;
import io.fieldsales.order.repository.ApprovalRepository;
import io.fieldsales.order.repository.OrderRepository;
import io.fieldsales.order.repository.ReturnRepository;
import io.fieldsales.order.repository.ReturnRepository.CreditNote;
import io.fieldsales.order.repository.ReturnRepository.StoredReturn;
import io.fieldsales.order.repository.StockRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.FieldError;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Returns of delivered goods, the credit notes they produce and refunds of those. A return locks its order's row
 * so concurrent returns of one order see each other's quantities; a refund locks its credit note's row so that
 * concurrent refunds cannot together exceed it (the check constraint {@code credit_note_refunds_within_amount}
 * backs that up).
 */
@ApplicationScoped
public class ReturnService {

    private static final Set<String> METHODS = Set.of("CASH", "ORIGINAL_PAYMENT", "STORE_CREDIT");

    @Inject
    OrderRepository orders;

    @Inject
    ReturnRepository returns;

    @Inject
    StockRepository stock;

    @Inject
    ApprovalRepository approvalRepository;

    @Inject
    ApprovalService approvals;

    @Inject
    Outbox outbox;

    /** A returned line as the client asks for it. */
    public record ReturnLineRequest(String sku, Long quantity, String reason) {
    }

    /** A return with its credit note, once issued. */
    public record ReturnView(StoredReturn stored, CreditNote creditNote) {
    }

    static List<ReturnedLine> validate(List<ReturnLineRequest> lines) {
        if (lines == null || lines.isEmpty() || lines.size() > 200) {
            throw ProblemException.validation("lines", "1 to 200 lines are required");
        }
        List<FieldError> errors = new ArrayList<>();
        List<ReturnedLine> valid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReturnLineRequest l = lines.get(i);
            if (l == null || l.sku() == null || l.sku().isBlank()) {
                errors.add(new FieldError("lines[" + i + "].sku", "required"));
                continue;
            }
            if (l.quantity() == null || l.quantity() <= 0) {
                errors.add(new FieldError("lines[" + i + "].quantity", "a positive whole number"));
                continue;
            }
            if (l.reason() != null && l.reason().length() > 500) {
                errors.add(new FieldError("lines[" + i + "].reason", "at most 500 characters"));
                continue;
            }
            valid.add(new ReturnedLine(l.sku(), l.quantity(), l.reason()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return valid;
    }

    @WithTransaction
    public Uni<ReturnView> request(Actor actor, UUID orderId, List<ReturnLineRequest> requested) {
        List<ReturnedLine> lines = validate(requested);
        UUID tenant = actor.tenantId();
        return orders.lock(tenant, orderId).chain(o -> {
            if (o == null) {
                return Uni.createFrom().failure(RuleProblems.notFound("order"));
            }
            if (!OrderStateMachine.delivered(o.status())) {
                return Uni.createFrom().failure(new io.fieldsales.order.domain.InvalidTransition("order",
                        o.status().name(), "take a return (it is not delivered)"));
            }
            return returns.returnedQuantities(orderId).chain(already -> {
                ReturnRules.checkQuantities(lines, OrderService.delivered(o), already);
                Map<String, PricedLine> frozen = new TreeMap<>();
                o.lines().forEach(l -> frozen.put(l.sku(), l));
                ReturnRules.ReturnValue value = ReturnRules.value(lines, frozen, Money.currency(o.currency()));
                return approvalRepository.policy(tenant).chain(policy -> {
                    List<String> steps = policy.stepsForReturn(value.total());
                    ReturnStatus status = steps.isEmpty() ? ReturnStatus.APPROVED : ReturnStatus.REQUESTED;
                    StoredReturn r = new StoredReturn(UUID.randomUUID(), o.id(), o.customerId(), status, lines,
                            o.currency(), value.subtotal(), value.tax(), value.total(), null, null, actor.userId(), 0,
                            null);
                    return returns.insert(tenant, r)
                            .chain(() -> outbox.append(Events.of(OrderEventTypes.RETURN_REQUESTED, "return", r.id(),
                                    actor, payload(r, o, status, null, null))))
                            .chain(() -> steps.isEmpty() ? Uni.createFrom().voidItem()
                                    : approvals.request(tenant, actor.userId(), ApprovalService.RETURN, r.id(), o.id(),
                                            o.customerId(), steps, "return worth " + value.total() + " "
                                                    + o.currency()).replaceWithVoid())
                            .chain(() -> view(tenant, r.id()));
                });
            });
        });
    }

    private static ReturnPayload payload(StoredReturn r, Order o, ReturnStatus status, String location,
            String condition) {
        return new ReturnPayload(r.id(), r.orderId(), r.customerId(), o == null ? null : o.repId(), status.name(),
                location, condition, r.currency(), r.subtotal(), r.tax(), r.total(), r.lines().stream()
                        .map(l -> new ReturnPayload.ReturnedLinePayload(l.sku(), l.quantity(), l.reason())).toList());
    }

    /** The approval of a return ended. */
    public Uni<Void> approvalOutcome(Actor actor, UUID returnId, boolean approved) {
        return returns.lock(actor.tenantId(), returnId).chain(r -> {
            ReturnStatus next = r.status().next(approved ? "approve" : "reject");
            return returns.update(r.id(), next, null, null);
        });
    }

    /**
     * The goods arrived at {@code location}: resaleable goods go back to stock; damaged ones come back and are
     * written off (two movements, so the ledger shows both). A credit note for the returned value is issued.
     */
    @WithTransaction
    public Uni<ReturnView> receive(Actor actor, UUID returnId, long expectedVersion, String location,
            String condition) {
        String loc = StockService.location(location, "location");
        if (!"RESALEABLE".equals(condition) && !"DAMAGED".equals(condition)) {
            return Uni.createFrom().failure(ProblemException.validation("condition", "RESALEABLE or DAMAGED"));
        }
        UUID tenant = actor.tenantId();
        return returns.lock(tenant, returnId).chain(r -> {
            if (r == null) {
                return Uni.createFrom().failure(RuleProblems.notFound("return"));
            }
            if (r.version() != expectedVersion) {
                return Uni.createFrom().failure(new ProblemException(ErrorCode.VERSION_CONFLICT,
                        "The return was changed by someone else; fetch it again"));
            }
            ReturnStatus next = r.status().next("receive");
            TreeMap<String, Long> bySku = new TreeMap<>();
            r.lines().forEach(l -> bySku.merge(l.sku(), l.quantity(), Long::sum));
            Uni<Void> ensure = Uni.createFrom().voidItem();
            for (String sku : bySku.keySet()) {
                ensure = ensure.chain(() -> stock.ensure(tenant, loc, sku));
            }
            CreditNote note = new CreditNote(UUID.randomUUID(), r.orderId(), r.id(), r.customerId(), r.currency(),
                    r.total(), BigDecimal.ZERO, null);
            return ensure.chain(() -> stock.lock(tenant, loc, bySku.keySet())).chain(locked -> {
                List<StockLevel> levels = new ArrayList<>();
                bySku.forEach((sku, q) -> levels.add("RESALEABLE".equals(condition) ? locked.get(sku).adjust(q)
                        : locked.get(sku)));
                return stock.writeAll(tenant, levels);
            }).chain(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Map.Entry<String, Long> e : bySku.entrySet()) {
                    chain = chain.chain(() -> stock.movement(tenant, loc, e.getKey(), "RETURN", e.getValue(),
                            "return received", r.orderId(), r.id(), actor.userId()));
                    if ("DAMAGED".equals(condition)) {
                        chain = chain.chain(() -> stock.movement(tenant, loc, e.getKey(), "WRITE_OFF", -e.getValue(),
                                "damaged on return", r.orderId(), r.id(), actor.userId()));
                    }
                }
                return chain;
            }).chain(() -> returns.update(r.id(), next, loc, condition))
                    .chain(() -> returns.insertCreditNote(tenant, note))
                    .chain(() -> orders.find(tenant, r.orderId()))
                    .chain(o -> outbox.append(Events.of(OrderEventTypes.RETURN_RECEIVED, "return", r.id(), actor,
                            payload(r, o, next, loc, condition))))
                    .chain(() -> outbox.append(Events.of(OrderEventTypes.CREDIT_NOTE_ISSUED, "credit-note", note.id(),
                            actor, new CreditNoteIssued(note.id(), r.id(), r.orderId(), r.customerId(), note.amount(),
                                    note.currency()))))
                    .chain(() -> view(tenant, r.id()));
        });
    }

    @WithSession
    public Uni<ReturnView> get(Actor actor, UUID id) {
        return view(actor.tenantId(), id);
    }

    private Uni<ReturnView> view(UUID tenant, UUID id) {
        return returns.find(tenant, id).chain(r -> r == null ? Uni.createFrom().failure(RuleProblems.notFound("return"))
                : returns.creditNoteOf(id).map(n -> new ReturnView(r, n)));
    }

    @WithSession
    public Uni<List<StoredReturn>> forOrder(Actor actor, UUID orderId) {
        return orders.find(actor.tenantId(), orderId).chain(o -> o == null
                ? Uni.createFrom().failure(RuleProblems.notFound("order")) : returns.forOrder(orderId));
    }

    /** A refund with what it left. */
    public record RefundResult(UUID refundId, CreditNote creditNote, String method, BigDecimal amount) {
    }

    @WithTransaction
    public Uni<RefundResult> refund(Actor actor, UUID creditNoteId, String method, BigDecimal amount) {
        if (method == null || !METHODS.contains(method)) {
            return Uni.createFrom().failure(ProblemException.validation("method",
                    "one of CASH, ORIGINAL_PAYMENT, STORE_CREDIT"));
        }
        UUID tenant = actor.tenantId();
        return returns.lockCreditNote(tenant, creditNoteId).chain(n -> {
            if (n == null) {
                return Uni.createFrom().failure(RuleProblems.notFound("credit note"));
            }
            Money.requireAmount("amount", amount, Money.currency(n.currency()));
            BigDecimal after = RefundRules.refund(n.amount(), n.refunded(), amount);
            UUID refundId = UUID.randomUUID();
            return returns.addRefund(tenant, refundId, n, method, amount, after, actor.userId())
                    .chain(() -> orders.find(tenant, n.orderId()))
                    .chain(o -> outbox.append(Events.of(OrderEventTypes.REFUND_ISSUED, "refund", refundId, actor,
                            new RefundIssued(refundId, n.id(), n.orderId(), n.customerId(),
                                    o == null ? null : o.repId(), method, amount, n.currency(), after, n.amount()))))
                    .chain(() -> returns.findCreditNote(tenant, n.id()))
                    .map(updated -> new RefundResult(refundId, updated, method, amount));
        });
    }

    @WithSession
    public Uni<CreditNote> creditNote(Actor actor, UUID id) {
        return returns.findCreditNote(actor.tenantId(), id).onItem().ifNull()
                .failWith(() -> RuleProblems.notFound("credit note"));
    }

    @WithSession
    public Uni<List<CreditNote>> creditNotes(Actor actor, UUID orderId, Instant afterCreated, UUID afterId,
            int limit) {
        return returns.creditNotes(actor.tenantId(), orderId, afterCreated, afterId, limit);
    }

}
