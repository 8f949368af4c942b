package io.fieldsales.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMachinesTest {

    /** Every allowed order transition; everything else must be refused. */
    static final Map<OrderStatus, Map<OrderAction, OrderStatus>> ORDER = Map.of(
            OrderStatus.PENDING_APPROVAL, Map.of(OrderAction.APPROVE, OrderStatus.CONFIRMED,
                    OrderAction.REJECT, OrderStatus.CANCELLED, OrderAction.CANCEL, OrderStatus.CANCELLED,
                    OrderAction.EDIT, OrderStatus.PENDING_APPROVAL,
                    OrderAction.REQUIRE_APPROVAL, OrderStatus.PENDING_APPROVAL),
            OrderStatus.CONFIRMED, Map.of(OrderAction.FULFIL, OrderStatus.FULFILLED,
                    OrderAction.CANCEL, OrderStatus.CANCELLED, OrderAction.EDIT, OrderStatus.CONFIRMED,
                    OrderAction.REQUIRE_APPROVAL, OrderStatus.PENDING_APPROVAL),
            OrderStatus.FULFILLED, Map.of(OrderAction.DELIVER, OrderStatus.DELIVERED),
            OrderStatus.DELIVERED, Map.of(OrderAction.COMPLETE, OrderStatus.COMPLETED),
            OrderStatus.COMPLETED, Map.of(),
            OrderStatus.CANCELLED, Map.of());

    @Test
    void orderAllowsExactlyItsTransitions() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderAction action : OrderAction.values()) {
                OrderStatus expected = ORDER.get(from).get(action);
                assertThat(OrderStateMachine.allows(from, action)).as(from + " " + action).isEqualTo(expected != null);
                if (expected != null) {
                    assertThat(OrderStateMachine.next(from, action)).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> OrderStateMachine.next(from, action))
                            .isInstanceOfSatisfying(InvalidTransition.class, e -> {
                                assertThat(e.code()).isEqualTo("invalid_transition");
                                assertThat(e.currentStatus()).isEqualTo(from.name());
                                assertThat(e.getMessage()).contains(from.name())
                                        .contains(action.name().toLowerCase());
                            });
                }
            }
        }
    }

    @Test
    void reservationsAreHeldOnlyWhileOpenAndReturnsOnlyAfterDelivery() {
        Set<OrderStatus> holding = EnumSet.of(OrderStatus.PENDING_APPROVAL, OrderStatus.CONFIRMED);
        Set<OrderStatus> delivered = EnumSet.of(OrderStatus.DELIVERED, OrderStatus.COMPLETED);
        for (OrderStatus s : OrderStatus.values()) {
            assertThat(OrderStateMachine.holdsReservation(s)).as(s.name()).isEqualTo(holding.contains(s));
            assertThat(OrderStateMachine.delivered(s)).as(s.name()).isEqualTo(delivered.contains(s));
        }
    }

    @Test
    void quotationTransitions() {
        Map<QuotationStatus, Map<String, QuotationStatus>> allowed = Map.of(
                QuotationStatus.DRAFT, Map.of("send", QuotationStatus.SENT, "accept", QuotationStatus.ACCEPTED,
                        "reject", QuotationStatus.REJECTED),
                QuotationStatus.SENT, Map.of("accept", QuotationStatus.ACCEPTED, "reject", QuotationStatus.REJECTED),
                QuotationStatus.ACCEPTED, Map.of(),
                QuotationStatus.REJECTED, Map.of());
        for (QuotationStatus from : QuotationStatus.values()) {
            for (String action : new String[] {"send", "accept", "reject", "explode"}) {
                QuotationStatus expected = allowed.get(from).get(action);
                if (expected != null) {
                    assertThat(from.next(action)).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> from.next(action)).isInstanceOf(InvalidTransition.class)
                            .hasMessageContaining(from.name()).hasMessageContaining("quotation");
                }
            }
        }
    }

    @Test
    void returnTransitions() {
        Map<ReturnStatus, Map<String, ReturnStatus>> allowed = Map.of(
                ReturnStatus.REQUESTED, Map.of("approve", ReturnStatus.APPROVED, "reject", ReturnStatus.REJECTED),
                ReturnStatus.APPROVED, Map.of("receive", ReturnStatus.RECEIVED),
                ReturnStatus.REJECTED, Map.of(),
                ReturnStatus.RECEIVED, Map.of());
        for (ReturnStatus from : ReturnStatus.values()) {
            for (String action : new String[] {"approve", "reject", "receive", "explode"}) {
                ReturnStatus expected = allowed.get(from).get(action);
                if (expected != null) {
                    assertThat(from.next(action)).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> from.next(action)).isInstanceOf(InvalidTransition.class)
                            .hasMessageContaining(from.name()).hasMessageContaining("return");
                }
            }
        }
    }
}
