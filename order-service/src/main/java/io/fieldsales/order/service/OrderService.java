package io.fieldsales.order.service;

import io.fieldsales.order.domain.CustomerStanding;
import io.fieldsales.order.domain.Order;
import io.fieldsales.order.domain.OrderAction;
import io.fieldsales.order.domain.OrderStateMachine;
import io.fieldsales.order.domain.OrderStatus;
import io.fieldsales.order.domain.PaymentTerms;
import io.fieldsales.order.domain.PricedDocument;
import io.fieldsales.order.domain.PricedLine;
import io.fieldsales.order.domain.Reservation;
import io.fieldsales.order.domain.RuleViolation;
import io.fieldsales.order.domain.StockLevel;
import io.fieldsales.order.domain.InsufficientStock;
import io.fieldsales.order.domain.StockPlan;
import io.fieldsales.order.events.Events;
import io.fieldsales.order.events.OrderEventTypes;
import io.fieldsales.order.events.OrderPayload;
import io.fieldsales.order.repository.ApprovalRepository;
import io.fieldsales.order.repository.OrderRepository;
import io.fieldsales.order.repository.StockRepository;
import io.fieldsales.platform.context.Actor;
import io.fieldsales.platform.errors.ErrorCode;
import io.fieldsales.platform.errors.ProblemException;
import io.fieldsales.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The order's life. Creation prices the lines, reserves stock for all of them at the order's location and writes
 * the order, its frozen lines, reservations, status history, approval request and events in one transaction: all
 * or nothing. Stock rows are locked in sku order by one statement ({@link StockRepository#lock}), which is what
 * keeps concurrent multi-line orders from deadlocking. Transitions lock the order's row, check If-Match and the
 * state machine, and move stock in the same transaction.
 */
@ApplicationScoped
public class OrderService {

    @Inject
    OrderRepository orders;

    @Inject
    StockRepository stock;

    @Inject
    PricingService pricing;

    @Inject
    ApprovalRepository approvalRepository;

    @Inject
    ApprovalService approvals;

    @Inject
    Outbox outbox;

    @Inject
    OrderMetrics metrics;

    /** What a create asks for, with the customer already resolved (the survivor of a merge). */
    public record NewOrder(CustomerStanding customer, String location, List<RequestedLine> lines,
            PaymentTerms paymentTerms, String note, UUID quotationId, PricedDocument quoted) {
    }

    /** An order with what GET /orders/{id} shows besides its lines. */
    public record OrderDetail(Order order, List<Reservation> reservations,
            List<io.fieldsales.order.domain.StatusChange> history, List<ApprovalRepository.Approval> approvals) {
    }

    static String location(String location) {
        return StockService.location(location, "location");
    }

    @WithTransaction
    public Uni<Order> create(Actor actor, NewOrder cmd) {
        String location = location(cmd.location());
        if (cmd.note() != null && cmd.note().length() > 2000) {
            return Uni.createFrom().failure(ProblemException.validation("note", "at most 2000 characters"));
        }
        UUID tenant = actor.tenantId();
        // an accepted quotation keeps the prices it quoted; everything else is priced now
        Uni<PricedDocument> priced = cmd.quoted() != null ? Uni.createFrom().item(cmd.quoted())
                : pricing.price(tenant, cmd.customer(), cmd.lines());
        return priced
                .chain(doc -> approvalRepository.policy(tenant).chain(policy -> {
                    List<String> steps = policy.stepsForOrder(doc.maxDiscountPercent());
                    OrderStatus status = steps.isEmpty() ? OrderStatus.CONFIRMED : OrderStatus.PENDING_APPROVAL;
                    Order order = new Order(UUID.randomUUID(), cmd.customer().customerId(), actor.userId(), location,
                            status, cmd.paymentTerms().name(), cmd.note(), doc.currency(), doc.subtotal(), doc.tax(),
                            doc.total(), null, cmd.quotationId(), null, null, 0,
                            Instant.now().truncatedTo(ChronoUnit.MICROS), null, doc.lines());
                    SortedMap<String, Long> wanted = quantities(doc.lines());
                    // The stock levels are the hot rows (every order from one van or warehouse locks them): lock
                    // them last, so they are held for the reservation's few statements and the commit only.
                    return orders.insert(tenant, order)
                            .chain(() -> orders.statusChange(tenant, order.id(), null, status.name(), actor.userId(),
                                    "created"))
                            .chain(() -> outbox.append(event(OrderEventTypes.ORDER_CREATED, actor, order, null,
                                    "created")))
                            .chain(() -> steps.isEmpty()
                                    ? outbox.append(event(OrderEventTypes.ORDER_CONFIRMED, actor, order, null,
                                            "no approval needed")).replaceWithVoid()
                                    : approvals.request(tenant, actor.userId(), ApprovalService.ORDER, order.id(),
                                            order.id(), order.customerId(), steps, "manual discount of "
                                                    + doc.maxDiscountPercent().stripTrailingZeros().toPlainString()
                                                    + " %").replaceWithVoid())
                            .chain(() -> orders.find(tenant, order.id()))
                            .call(() -> reserve(tenant, location, wanted))
                            .call(() -> reservationsOf(tenant, order.id(), location, wanted));
                }));
    }

    static SortedMap<String, Long> quantities(List<PricedLine> lines) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (PricedLine l : lines) {
            entries.add(Map.entry(l.sku(), l.quantity()));
        }
        return StockPlan.quantities(entries);
    }

    /** Locks the levels (sku order) and reserves every line, or fails listing every short line. */
    private Uni<Void> reserve(UUID tenant, String location, SortedMap<String, Long> wanted) {
        return stock.lock(tenant, location, wanted.keySet())
                .chain(locked -> stock.writeAll(tenant, StockPlan.reserveAll(location, wanted, locked)))
                .onFailure(InsufficientStock.class).invoke(metrics::reservationFailed);
    }

    private Uni<Void> reservationsOf(UUID tenant, UUID orderId, String location, Map<String, Long> quantities) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Long> e : quantities.entrySet()) {
            chain = chain.chain(() -> orders.reserve(tenant, orderId, location, e.getKey(), e.getValue()));
        }
        return chain;
    }

    /** The order, in the caller's session. */
    public Uni<Order> find(UUID tenant, UUID id) {
        return orders.find(tenant, id);
    }

    @WithSession
    public Uni<OrderDetail> detail(Actor actor, UUID id) {
        return orders.find(actor.tenantId(), id).chain(o -> o == null
                ? Uni.createFrom().failure(RuleProblems.notFound("order"))
                : orders.reservations(id).chain(r -> orders.history(id)
                        .chain(h -> approvalRepository.forSubject(id).map(a -> new OrderDetail(o, r, h, a)))));
    }

    @WithSession
    public Uni<List<Order>> list(Actor actor, UUID customerId, String status, String rep, Instant from, Instant to,
            Instant afterCreated, UUID afterId, int limit) {
        return orders.list(actor.tenantId(), customerId, status, rep, from, to, afterCreated, afterId, limit);
    }

    private Uni<Order> locked(UUID tenant, UUID id, Long expectedVersion) {
        return orders.lock(tenant, id).chain(o -> {
            if (o == null) {
                return Uni.createFrom().failure(RuleProblems.notFound("order"));
            }
            if (expectedVersion != null && o.version() != expectedVersion) {
                return Uni.createFrom().failure(new ProblemException(ErrorCode.VERSION_CONFLICT,
                        "The order was changed by someone else (now version " + o.version() + "); fetch it again"));
            }
            return Uni.createFrom().item(o);
        });
    }

    @WithTransaction
    public Uni<Order> cancel(Actor actor, UUID id, long expectedVersion, String reason) {
        return locked(actor.tenantId(), id, expectedVersion).chain(o -> {
            OrderStatus next = OrderStateMachine.next(o.status(), OrderAction.CANCEL);
            return releaseAll(actor.tenantId(), o)
                    .chain(() -> approvals.supersede(o.id()))
                    .chain(() -> move(actor.tenantId(), actor.userId(), o, next, OrderEventTypes.ORDER_CANCELLED,
                            reason == null ? "cancelled" : reason, o.amountDue(), null, null, actor));
        });
    }

    @WithTransaction
    public Uni<Order> fulfil(Actor actor, UUID id, long expectedVersion) {
        return locked(actor.tenantId(), id, expectedVersion).chain(o -> {
            OrderStatus next = OrderStateMachine.next(o.status(), OrderAction.FULFIL);
            return fulfilAll(actor, o).chain(() -> move(actor.tenantId(), actor.userId(), o, next,
                    OrderEventTypes.ORDER_FULFILLED, "fulfilled", null, null, null, actor));
        });
    }

    /** Proof of delivery; the amount due is fixed here (the order's total) for cash-service. */
    @WithTransaction
    public Uni<Order> deliver(Actor actor, UUID id, long expectedVersion, String receivedBy, Instant deliveredAt) {
        if (receivedBy == null || receivedBy.isBlank() || receivedBy.length() > 200) {
            return Uni.createFrom().failure(ProblemException.validation("receivedBy", "required, at most 200 characters"));
        }
        Instant at = deliveredAt == null ? Instant.now() : deliveredAt;
        if (at.isAfter(Instant.now().plusSeconds(300))) {
            return Uni.createFrom().failure(ProblemException.validation("deliveredAt", "cannot be in the future"));
        }
        return locked(actor.tenantId(), id, expectedVersion).chain(o -> {
            OrderStatus next = OrderStateMachine.next(o.status(), OrderAction.DELIVER);
            return move(actor.tenantId(), actor.userId(), o, next, OrderEventTypes.ORDER_DELIVERED, "delivered",
                    o.total(), receivedBy.strip(), at.truncatedTo(ChronoUnit.MICROS), actor);
        });
    }

    /**
     * cash-service reported the order paid in full. Redelivered or early events do nothing harmful: an order
     * already COMPLETED stays so; one not yet DELIVERED is left alone (logged by the consumer).
     */
    public Uni<Boolean> complete(UUID tenant, UUID id, String system) {
        return orders.lock(tenant, id).chain(o -> {
            if (o == null || !OrderStateMachine.allows(o.status(), OrderAction.COMPLETE)) {
                return Uni.createFrom().item(false);
            }
            return move(tenant, system, o, OrderStatus.COMPLETED, OrderEventTypes.ORDER_COMPLETED, "paid in full",
                    o.amountDue(), o.receivedBy(), o.deliveredAt(), null).replaceWith(true);
        });
    }

    /** The approval of an order ended: approved confirms it; rejected cancels it and releases its stock. */
    public Uni<Void> approvalOutcome(Actor actor, UUID id, boolean approved) {
        return locked(actor.tenantId(), id, null).chain(o -> {
            if (approved) {
                OrderStatus next = OrderStateMachine.next(o.status(), OrderAction.APPROVE);
                return move(actor.tenantId(), actor.userId(), o, next, OrderEventTypes.ORDER_CONFIRMED, "approved",
                        null, null, null, actor).replaceWithVoid();
            }
            OrderStatus next = OrderStateMachine.next(o.status(), OrderAction.REJECT);
            return releaseAll(actor.tenantId(), o).chain(() -> move(actor.tenantId(), actor.userId(), o, next,
                    OrderEventTypes.ORDER_CANCELLED, "approval rejected", null, null, null, actor)).replaceWithVoid();
        });
    }

    /**
     * Replaces the lines of a PENDING_APPROVAL or CONFIRMED order: re-priced explicitly with today's catalog and
     * rules (the response and the order.changed event say so), reservations adjusted in sku order, and sent back
     * through the approval policy when the new lines need approval.
     */
    @WithTransaction
    public Uni<Order> editLines(Actor actor, UUID id, long expectedVersion, List<RequestedLine> lines,
            CustomerStanding customer) {
        UUID tenant = actor.tenantId();
        return locked(tenant, id, expectedVersion).chain(o -> {
            OrderStateMachine.next(o.status(), OrderAction.EDIT);
            return pricing.price(tenant, customer, lines).chain(doc -> approvalRepository.policy(tenant)
                    .chain(policy -> {
                        List<String> steps = policy.stepsForOrder(doc.maxDiscountPercent());
                        // within policy now: a pending order needs no approval any more and is confirmed
                        OrderStatus next = !steps.isEmpty()
                                ? OrderStateMachine.next(o.status(), OrderAction.REQUIRE_APPROVAL)
                                : o.status() == OrderStatus.PENDING_APPROVAL
                                        ? OrderStateMachine.next(o.status(), OrderAction.APPROVE) : o.status();
                        SortedMap<String, Long> before = quantities(o.lines());
                        SortedMap<String, Long> after = quantities(doc.lines());
                        return adjustReservations(tenant, o, before, after)
                                .chain(() -> orders.deleteLines(o.id()))
                                .chain(() -> orders.insertLines(tenant, o.id(), doc.lines()))
                                .chain(() -> approvals.supersede(o.id()))
                                .chain(() -> steps.isEmpty() ? Uni.createFrom().voidItem()
                                        : approvals.request(tenant, actor.userId(), ApprovalService.ORDER, o.id(),
                                                o.id(), o.customerId(), steps, "lines changed: manual discount of "
                                                        + doc.maxDiscountPercent().stripTrailingZeros().toPlainString()
                                                        + " %").replaceWithVoid())
                                .chain(() -> {
                                    Order changed = withLines(o, next, doc);
                                    return move(tenant, actor.userId(), changed, next, OrderEventTypes.ORDER_CHANGED,
                                            "lines changed and re-priced", null, null, null, actor, o.status());
                                });
                    }));
        });
    }

    private static Order withLines(Order o, OrderStatus status, PricedDocument doc) {
        return new Order(o.id(), o.customerId(), o.repId(), o.location(), status, o.paymentTerms(), o.note(),
                doc.currency(), doc.subtotal(), doc.tax(), doc.total(), o.amountDue(), o.quotationId(), o.receivedBy(),
                o.deliveredAt(), o.version(), o.createdAt(), o.updatedAt(), doc.lines());
    }

    private Uni<Void> adjustReservations(UUID tenant, Order o, Map<String, Long> before, Map<String, Long> after) {
        SortedMap<String, Long> delta = StockPlan.delta(before, after);
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return stock.lock(tenant, o.location(), delta.keySet()).chain(locked -> {
            List<StockLevel> levels = new ArrayList<>();
            SortedMap<String, Long> more = new TreeMap<>();
            for (Map.Entry<String, Long> e : delta.entrySet()) {
                if (e.getValue() < 0) {
                    levels.add(locked.get(e.getKey()).release(-e.getValue()));
                } else {
                    more.put(e.getKey(), e.getValue());
                }
            }
            levels.addAll(StockPlan.reserveAll(o.location(), more, locked));
            return stock.writeAll(tenant, levels);
        }).onFailure(InsufficientStock.class).invoke(metrics::reservationFailed).chain(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String sku : delta.keySet()) {
                long q = after.getOrDefault(sku, 0L);
                chain = chain.chain(() -> orders.reserve(tenant, o.id(), o.location(), sku, q));
            }
            return chain;
        });
    }

    private Uni<Void> releaseAll(UUID tenant, Order o) {
        if (!OrderStateMachine.holdsReservation(o.status())) {
            return Uni.createFrom().voidItem();
        }
        return orders.reservations(o.id()).chain(reservations -> {
            SortedMap<String, Long> held = held(reservations);
            if (held.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return stock.lock(tenant, o.location(), held.keySet()).chain(locked -> {
                List<StockLevel> levels = new ArrayList<>();
                held.forEach((sku, q) -> levels.add(locked.get(sku).release(q)));
                return stock.writeAll(tenant, levels);
            }).chain(() -> orders.settleReservations(o.id(), "RELEASED"));
        });
    }

    private Uni<Void> fulfilAll(Actor actor, Order o) {
        UUID tenant = actor.tenantId();
        return orders.reservations(o.id()).chain(reservations -> {
            SortedMap<String, Long> held = held(reservations);
            return stock.lock(tenant, o.location(), held.keySet()).chain(locked -> {
                List<StockLevel> levels = new ArrayList<>();
                held.forEach((sku, q) -> levels.add(locked.get(sku).fulfil(q)));
                return stock.writeAll(tenant, levels);
            }).chain(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Map.Entry<String, Long> e : held.entrySet()) {
                    chain = chain.chain(() -> stock.movement(tenant, o.location(), e.getKey(), "FULFILMENT",
                            -e.getValue(), "order fulfilled", o.id(), null, actor.userId()));
                }
                return chain;
            }).chain(() -> orders.settleReservations(o.id(), "FULFILLED"));
        });
    }

    private static SortedMap<String, Long> held(List<Reservation> reservations) {
        SortedMap<String, Long> held = new TreeMap<>();
        for (Reservation r : reservations) {
            if ("HELD".equals(r.status()) && r.quantity() > 0) {
                held.put(r.sku(), r.quantity());
            }
        }
        return held;
    }

    private Uni<Order> move(UUID tenant, String actorId, Order o, OrderStatus next, String eventType, String reason,
            BigDecimal amountDue, String receivedBy, Instant deliveredAt, Actor actor) {
        return move(tenant, actorId, o, next, eventType, reason, amountDue, receivedBy, deliveredAt, actor,
                o.status());
    }

    private Uni<Order> move(UUID tenant, String actorId, Order o, OrderStatus next, String eventType, String reason,
            BigDecimal amountDue, String receivedBy, Instant deliveredAt, Actor actor, OrderStatus previous) {
        Order changed = new Order(o.id(), o.customerId(), o.repId(), o.location(), next, o.paymentTerms(), o.note(),
                o.currency(), o.subtotal(), o.tax(), o.total(), amountDue == null ? o.amountDue() : amountDue,
                o.quotationId(), receivedBy == null ? o.receivedBy() : receivedBy,
                deliveredAt == null ? o.deliveredAt() : deliveredAt, o.version() + 1, o.createdAt(), o.updatedAt(),
                o.lines());
        return orders.update(tenant, changed)
                .chain(() -> orders.statusChange(tenant, o.id(), previous.name(), next.name(), actorId, reason))
                .chain(() -> outbox.append(Events.of(eventType, "order", o.id(), tenant,
                        actor == null ? actorId : actor.userId(), OrderPayload.of(changed, previous.name(), reason))))
                .chain(() -> orders.find(tenant, o.id()));
    }

    private static io.fieldsales.platform.outbox.OutboxEvent event(String type, Actor actor, Order o,
            String previous, String reason) {
        return Events.of(type, "order", o.id(), actor, OrderPayload.of(o, previous, reason));
    }

    /** Quantity delivered per sku (for returns). */
    public static Map<String, Long> delivered(Order o) {
        Map<String, Long> delivered = new TreeMap<>();
        for (PricedLine l : o.lines()) {
            delivered.merge(l.sku(), l.quantity(), Long::sum);
        }
        return delivered;
    }

    static RuleViolation notDelivered(Order o) {
        return new RuleViolation("invalid_transition", "Returns need a DELIVERED or COMPLETED order; this one is "
                + o.status());
    }
}
