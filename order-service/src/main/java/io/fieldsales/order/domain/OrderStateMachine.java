package io.fieldsales.order.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The order's allowed transitions; anything else is an {@link InvalidTransition} naming the current status.
 * <pre>
 * PENDING_APPROVAL --APPROVE--> CONFIRMED --FULFIL--> FULFILLED --DELIVER--> DELIVERED --COMPLETE--> COMPLETED
 * PENDING_APPROVAL --REJECT|CANCEL--> CANCELLED;  CONFIRMED --CANCEL--> CANCELLED
 * CONFIRMED --REQUIRE_APPROVAL--> PENDING_APPROVAL;  PENDING_APPROVAL|CONFIRMED --EDIT--> (same)
 * </pre>
 */
public final class OrderStateMachine {

    private static final Map<OrderStatus, Map<OrderAction, OrderStatus>> ALLOWED = new EnumMap<>(OrderStatus.class);

    static {
        allow(OrderStatus.PENDING_APPROVAL, OrderAction.APPROVE, OrderStatus.CONFIRMED);
        allow(OrderStatus.PENDING_APPROVAL, OrderAction.REJECT, OrderStatus.CANCELLED);
        allow(OrderStatus.PENDING_APPROVAL, OrderAction.CANCEL, OrderStatus.CANCELLED);
        allow(OrderStatus.PENDING_APPROVAL, OrderAction.EDIT, OrderStatus.PENDING_APPROVAL);
        allow(OrderStatus.PENDING_APPROVAL, OrderAction.REQUIRE_APPROVAL, OrderStatus.PENDING_APPROVAL);
        allow(OrderStatus.CONFIRMED, OrderAction.EDIT, OrderStatus.CONFIRMED);
        allow(OrderStatus.CONFIRMED, OrderAction.REQUIRE_APPROVAL, OrderStatus.PENDING_APPROVAL);
        allow(OrderStatus.CONFIRMED, OrderAction.FULFIL, OrderStatus.FULFILLED);
        allow(OrderStatus.CONFIRMED, OrderAction.CANCEL, OrderStatus.CANCELLED);
        allow(OrderStatus.FULFILLED, OrderAction.DELIVER, OrderStatus.DELIVERED);
        allow(OrderStatus.DELIVERED, OrderAction.COMPLETE, OrderStatus.COMPLETED);
    }

    private OrderStateMachine() {
    }

    private static void allow(OrderStatus from, OrderAction action, OrderStatus to) {
        ALLOWED.computeIfAbsent(from, f -> new EnumMap<>(OrderAction.class)).put(action, to);
    }

    /** The status after {@code action}, or {@link InvalidTransition}. */
    public static OrderStatus next(OrderStatus current, OrderAction action) {
        OrderStatus to = ALLOWED.getOrDefault(current, Map.of()).get(action);
        if (to == null) {
            throw new InvalidTransition("order", current.name(), action.name().toLowerCase());
        }
        return to;
    }

    public static boolean allows(OrderStatus current, OrderAction action) {
        return ALLOWED.getOrDefault(current, Map.of()).containsKey(action);
    }

    /** Whether the order's stock is (still) reserved in this status. */
    public static boolean holdsReservation(OrderStatus status) {
        return status == OrderStatus.PENDING_APPROVAL || status == OrderStatus.CONFIRMED;
    }

    /** Whether goods were handed over (returns are possible). */
    public static boolean delivered(OrderStatus status) {
        return status == OrderStatus.DELIVERED || status == OrderStatus.COMPLETED;
    }
}
